import type { TrustedKey } from './bundle/index.js';
import type { Envelope } from './bundle/types.js';
import type { ExposureCallback } from './exposure.js';
import { HttpSource } from './sources/http.js';
import { MemorySource } from './sources/memory.js';
import type { Source } from './sources/source.js';
import { StreamSource } from './sources/stream.js';

/**
 * Bundles pushed by a relay (`flags serve`) over server-sent events. While the stream is down
 * the client polls `poll` (default: the relay's `/<environment>.json`) every `pollInterval`.
 */
export interface StreamSpec {
  /** The relay's stream URL, e.g. `http://flags-relay:8787/production/stream`. */
  stream: string | URL;
  /** Polled while the stream is down; point it at your CDN to outlive the relay; `false` never polls. */
  poll?: string | URL | false;
}

/** Where log lines go; `console` fits. */
export interface Logger {
  warn(message: string): void;
  info?(message: string): void;
}

export interface ClientOptions {
  /**
   * Where the bundle comes from: an `http(s)://` URL (polled), a file path or `file://` URL
   * (reloaded when it changes), `{ stream: url }` (pushed by `flags serve`, see {@link StreamSpec}),
   * the envelope itself (JSON text, bytes or object), or a {@link Source} of your own.
   */
  source: string | URL | Uint8Array | Envelope | StreamSpec | Source;
  /** The environment this process runs in; a bundle for another environment is refused. */
  environment: string;
  /** Public keys trusted to sign bundles (several during a rotation): `signing.keys` of flagops.yaml. */
  keys: TrustedKey[];
  /** How often to poll a URL (a stream's fallback URL while the stream is down) or stat a file, ms. Default 30 000 (URL, stream) / 5 000 (file). */
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
  if (isStreamSpec(source)) return createStreamSource(source, options);
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

function createStreamSource(spec: StreamSpec, options: ClientOptions): StreamSource {
  const pollInterval = options.pollInterval ?? 30_000;
  return new StreamSource(String(spec.stream), {
    pollUrl: spec.poll === false ? false : spec.poll === undefined ? undefined : String(spec.poll),
    pollInterval,
    requestTimeout: options.requestTimeout ?? options.timeout ?? 5_000,
    maxBackoff: options.maxBackoff ?? Math.max(300_000, pollInterval),
    headers: options.headers,
  });
}

function isStreamSpec(value: unknown): value is StreamSpec {
  const s = value as Partial<StreamSpec> | null;
  return typeof s === 'object' && s !== null && !(s instanceof URL) && !(s instanceof Uint8Array) && (typeof s.stream === 'string' || s.stream instanceof URL);
}

function isSource(value: unknown): value is Source {
  const s = value as Partial<Source> | null;
  return typeof s === 'object' && s !== null && typeof s.start === 'function' && typeof s.refresh === 'function';
}
