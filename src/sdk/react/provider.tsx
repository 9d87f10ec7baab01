import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { FlagsContext } from './context.js';
import { FlagValuesStore, type BootstrapValues } from './values-store.js';
import { followValues, type EventSourceFactory } from './values-stream.js';

export interface FlagsProviderProps {
  /** The server's `allFlags(context)` for this page (bootstrap): rendered as-is on the server and on first paint. */
  values?: BootstrapValues;
  /** URL of the values stream (`flagValuesStream` from `flagops/express`); updates arrive without a reload. */
  stream?: string;
  /** Send cookies to a cross-origin stream URL. */
  withCredentials?: boolean;
  /** Replaces the browser's `EventSource` (a polyfill, a test double). */
  eventSource?: EventSourceFactory;
  children?: ReactNode;
}

/**
 * Makes flag values available to `useFeatureFlag`, `useVariation` and `useFlags` below it.
 * The values are server-evaluated (no rules, no targeting data reach the browser); with `stream`
 * they follow the server live. New `values` from the parent (a server navigation) replace the
 * current ones when their content differs.
 *
 * @example
 * // server: const values = req.flags.all();  → embedded with serializeBootstrap(values)
 * <FlagsProvider values={window.__FLAGS__} stream="/flags/stream">
 *   <App />
 * </FlagsProvider>
 */
export function FlagsProvider({ values, stream, withCredentials, eventSource, children }: FlagsProviderProps): ReactElement {
  const [store] = useState(() => new FlagValuesStore(values ?? {}));
  useBootstrapChanges(store, values);
  useEffect(() => {
    if (stream === undefined) return undefined;
    return followValues(stream, (next) => store.replace(next), { withCredentials, eventSource });
  }, [store, stream, withCredentials, eventSource]);
  return <FlagsContext.Provider value={store}>{children}</FlagsContext.Provider>;
}

/** Compares by content, so a parent passing a fresh but equal object each render never resets streamed values. */
function useBootstrapChanges(store: FlagValuesStore, values: BootstrapValues | undefined): void {
  const last = useRef<string | undefined>(undefined);
  useEffect(() => {
    const text = JSON.stringify(values ?? {});
    if (last.current === undefined) last.current = text;
    else if (text !== last.current) {
      last.current = text;
      store.replace(values ?? {});
    }
  }, [store, values]);
}
