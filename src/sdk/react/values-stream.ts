import type { FlagValues } from './values-store.js';

/** The part of the browser's `EventSource` the provider uses (so tests and polyfills can stand in). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
}

/** Opens an event source; the default uses `globalThis.EventSource`. */
export type EventSourceFactory = (url: string, init: { withCredentials: boolean }) => EventSourceLike;

export interface StreamOptions {
  /** Send cookies on a cross-origin stream URL. */
  withCredentials?: boolean;
  /** Replaces `globalThis.EventSource` (a polyfill, a test double). */
  eventSource?: EventSourceFactory;
  /** First wait before reopening a stream the browser gave up on, ms (doubles up to 30 s). */
  retryDelay?: number;
}

const CLOSED = 2;
const MAX_DELAY = 30_000;

/**
 * Follows an SSE stream of `event: values` messages (the full values object as JSON) and hands
 * each valid one to `onValues`. The browser reconnects a dropped stream by itself; when it gives
 * up for good (an HTTP error, a wrong content type) the stream is reopened with backoff.
 * Returns the function that stops following. Without an EventSource it does nothing.
 */
export function followValues(url: string, onValues: (values: FlagValues) => void, options: StreamOptions = {}): () => void {
  const open = options.eventSource ?? nativeEventSource();
  if (open === undefined) return () => {};
  const first = options.retryDelay ?? 1_000;
  let delay = first;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let source: EventSourceLike | undefined;

  const connect = (): void => {
    const current = (source = open(url, { withCredentials: options.withCredentials === true }));
    current.addEventListener('open', () => void (delay = first));
    current.addEventListener('values', (event) => {
      const values = parseValues(event.data);
      if (values !== undefined) onValues(values);
    });
    current.addEventListener('error', () => {
      if (stopped || current !== source || current.readyState !== CLOSED) return;
      timer = setTimeout(connect, delay * (0.8 + Math.random() * 0.4));
      delay = Math.min(delay * 2, MAX_DELAY);
    });
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}

function nativeEventSource(): EventSourceFactory | undefined {
  const EventSourceClass = (globalThis as { EventSource?: typeof EventSource }).EventSource;
  if (EventSourceClass === undefined) return undefined;
  return (url, init) => new EventSourceClass(url, init);
}

/** A values message must hold a JSON object; anything else is ignored (the page keeps what it has). */
function parseValues(data: unknown): FlagValues | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as FlagValues) : undefined;
  } catch {
    return undefined;
  }
}
