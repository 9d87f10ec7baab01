import { useCallback, useContext, useSyncExternalStore } from 'react';
import type { Json } from '../bundle/types.js';
import { FlagsContext } from './context.js';
import type { FlagValues } from './values-store.js';

/** One flag's value, re-rendering the caller only when that flag's value changes. */
function useFlagValue(key: string): Json | undefined {
  const store = useContext(FlagsContext);
  const subscribe = useCallback((listener: () => void) => store.subscribe(key, listener), [store, key]);
  const read = (): Json | undefined => store.get(key);
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * Whether a boolean flag is on. `true` only when the flag's value is boolean `true`; `def` when
 * the page has no value for it or its value is not a boolean.
 *
 * @example
 * function ExportButton() {
 *   const newEngine = useFeatureFlag('new-pdf-engine');
 *   return <button>{newEngine ? 'Export (new engine)' : 'Export'}</button>;
 * }
 */
export function useFeatureFlag(key: string, def = false): boolean {
  const value = useFlagValue(key);
  return typeof value === 'boolean' ? value : def;
}

/**
 * A flag's value, or `def` when the page has no value for it or the value's type differs from
 * `def`'s (as the server SDK answers TYPE_MISMATCH). With `def` null any value is returned.
 *
 * @example
 * const arm = useVariation('redesigned-dashboard', 'control'); // 'control' | 'treatment' → string
 */
export function useVariation<T>(key: string, def: T): T {
  const value = useFlagValue(key);
  if (value === undefined) return def;
  if (def != null && typeof value !== typeof def) return def;
  return value as T;
}

/**
 * Every flag value the page holds (re-renders on any change; prefer the per-flag hooks).
 *
 * @example
 * const flags = useFlags(); // { 'new-pdf-engine': false, 'redesigned-dashboard': 'control', … }
 */
export function useFlags(): FlagValues {
  const store = useContext(FlagsContext);
  const subscribe = useCallback((listener: () => void) => store.subscribeAll(listener), [store]);
  const read = (): FlagValues => store.all();
  return useSyncExternalStore(subscribe, read, read);
}
