import type { TrustedKey } from './bundle/index.js';
import type { Envelope } from './bundle/types.js';
import type { ExposureCallback } from './exposure.js';
import { HttpSource } from './sources/http.js';
import { MemorySource } from './sources/memory.js';
import type { Source } from './sources/source.js';

/** Where log lines go; `console` fits. */
export interface Logger {
  warn(message: string): void;
  info?(message: string): void;
}

export interface ClientOptions {
  /**
   * Where the bundle comes from: an `http(s)://` URL (polled), a file path or `file://` URL
   * (reloaded when it changes), the envelope itself (JSON text, bytes or object), or a
   * {@link Source} of your own.
   */
  source: string | URL | Uint8Array | Envelope | Source;
  /** The environment this process runs in; a bundle for another environment is refused. */
  environment: string;
  /** Public keys trusted to sign bundles (several during a rotation): `signing.keys` of flagops.yaml. */
  keys: TrustedKey[];
  /** How often to poll a URL or stat a file, ms. Default 30 000 (URL) / 5 000 (file). */
  pollInterval?: number;
  /** `ready()` settles after this long without a bundle, and a request is aborted after it, ms. Default 5 000. */
  timeout?: number;
  /** Request timeout, ms, when it should differ from `timeout`. */
  requestTimeout?: number;
  /** Longest wait between polls after repeated failures, ms. Default the larger of 5 minutes and pollInterval. */
  maxBackoff?: number;
  /** Keeps the last good bundle and the highest version seen across restarts (Node only). */
  cacheFile?: string;
  /** Called (off the evaluation path) the first time a context key sees a variation of a flag. */
  onExposure?: ExposureCallback;
  /** Distinct (flag, context key, variation) triples remembered for exposure deduplication. Default 10 000. */
  exposureCacheSize?: number;
  /** Where `error` events go when nobody listens. Default `console`. */
  logger?: Logger;
  /** Extra request headers for a URL source (e.g. authorization for a private origin). */
  headers?: Record<string, string>;
  /** For tests: the clock (epoch ms). */
  now?: () => number;
}

export interface ResolvedOptions {
  environment: string;
  keys: TrustedKey[];
  timeout: number;
  cacheFile?: string;
  onExposure?: ExposureCallback;
  exposureCacheSize: number;
  logger: Logger;
  now: () => number;
}

export function resolveOptions(options: ClientOptions): ResolvedOptions {
  return {
    environment: options.environment,
    keys: options.keys ?? [],
    timeout: options.timeout ?? 5_000,
    cacheFile: options.cacheFile,
    onExposure: options.onExposure,
    exposureCacheSize: Math.max(1, options.exposureCacheSize ?? 10_000),
    logger: options.logger ?? console,
    now: options.now ?? Date.now,
  };
}

/** Picks the source for `options.source`; the file source is loaded only when used (Node only). */
export async function createSource(options: ClientOptions): Promise<Source> {
  const { source } = options;
  if (isSource(source)) return source;
  if (source instanceof Uint8Array || (typeof source === 'object' && !(source instanceof URL))) return new MemorySource(source);
  const text = String(source);
  if (text.trimStart().startsWith('{')) return new MemorySource(text);
  if (/^https?:\/\//i.test(text)) {
    const pollInterval = options.pollInterval ?? 30_000;
    const timeout = options.requestTimeout ?? options.timeout ?? 5_000;
    return new HttpSource(text, {
      pollInterval,
      requestTimeout: timeout,
      maxBackoff: options.maxBackoff ?? Math.max(300_000, pollInterval),
      headers: options.headers,
    });
  }
  const { FileSource } = await import('./sources/file.js');
  const { fileURLToPath } = await import('node:url');
  const file = text.startsWith('file:') ? fileURLToPath(text) : text;
  return new FileSource(file, { pollInterval: options.pollInterval ?? 5_000 });
}

function isSource(value: unknown): value is Source {
  const s = value as Partial<Source> | null;
  return typeof s === 'object' && s !== null && typeof s.start === 'function' && typeof s.refresh === 'function';
}
