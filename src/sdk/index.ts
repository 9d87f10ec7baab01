/**
 * `flagops/sdk`: the server SDK. Loads a signed bundle from a URL, a file or memory, verifies it,
 * and evaluates flags synchronously from memory.
 *
 * @example
 * import { createClient } from 'flagops/sdk';
 * const flags = createClient({
 *   source: 'https://cdn.example.com/flags/production.json',
 *   environment: 'production',
 *   keys: [{ id: 'example-2026', publicKey: 'LLxDtglQvF5mSjL0negbVFb/M+kO0sqpdicfR0KrQ0g=' }],
 * });
 * await flags.ready();
 * flags.isEnabled('new-pdf-engine', { accountId: 'acct_1001' });
 * flags.variation('redesigned-dashboard', { userId: 'u1' }, 'current');
 * flags.on('error', (error) => log.warn(error.code, error.message));
 */
export { createClient, FlagsClient, type BooleanKeyOf, type ClientEvents, type FlagKeyOf, type FlagShape, type ValueFor } from './client.js';
export type { ClientOptions, Logger, StreamSpec } from './options.js';
export type { ChangeEvent, ClientStatus } from './status.js';
export { ClientError, type ClientErrorCode } from './errors.js';
export type { Exposure, ExposureCallback } from './exposure.js';
export { toPrometheusText, type MetricsSnapshot } from './metrics.js';
export { MemorySource } from './sources/memory.js';
export { HttpSource, type HttpSourceOptions } from './sources/http.js';
export { StreamSource, type StreamSourceOptions } from './sources/stream.js';
export { SseParser, type SseEvent } from './sources/sse.js';
export type { Delivery, Source, SourceHealth, SourceSink } from './sources/source.js';
export type { TrustedKey } from './bundle/index.js';
export type { BundlePayload, Envelope, Json } from './bundle/types.js';
export type { Context, ErrorCode, Reason, Resolution } from './evaluate/types.js';
