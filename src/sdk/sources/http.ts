import { nextDelay } from '../backoff.js';
import { ClientError, describeError } from '../errors.js';
import { HealthTracker, type Source, type SourceHealth, type SourceSink } from './source.js';

export interface HttpSourceOptions {
  /** Normal poll interval, ms. */
  pollInterval: number;
  /** Abort a request (headers and body) after this long, ms. */
  requestTimeout: number;
  /** Longest wait between attempts after repeated failures, ms. */
  maxBackoff: number;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  random?: () => number;
}

/**
 * Polls an http(s) URL with `If-None-Match`, ±10% jitter and exponential backoff on failures.
 * Uses only `fetch`, `AbortController` and timers, so it runs outside Node too.
 */
export class HttpSource implements Source {
  readonly kind = 'http';
  readonly #health: HealthTracker;
  #sink?: SourceSink;
  #etag?: string;
  #timer?: ReturnType<typeof setTimeout>;
  #inflight?: Promise<void>;
  #controller?: AbortController;
  #closed = false;

  constructor(readonly location: string, private readonly options: HttpSourceOptions) {
    this.#health = new HealthTracker(this.kind, location);
  }

  start(sink: SourceSink): void {
    this.#sink = sink;
    void this.refresh();
  }

  /** Polls now; a refresh during a poll joins it rather than starting a second request. */
  refresh(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    if (this.#inflight) return this.#inflight;
    clearTimeout(this.#timer);
    this.#inflight = this.#attempt().finally(() => {
      this.#inflight = undefined;
      this.#schedule();
    });
    return this.#inflight;
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#controller?.abort();
  }

  health(): SourceHealth {
    return this.#health.snapshot();
  }

  #schedule(): void {
    if (this.#closed) return;
    const { pollInterval, maxBackoff, random } = this.options;
    const delay = nextDelay({ interval: pollInterval, max: maxBackoff }, this.#health.failures, this.#sink?.hasBundle() ?? false, random);
    this.#timer = setTimeout(() => void this.refresh(), delay);
    (this.#timer as { unref?: () => void }).unref?.();
  }

  async #attempt(): Promise<void> {
    const sink = this.#sink;
    if (!sink) return;
    const controller = (this.#controller = new AbortController());
    const timer = setTimeout(() => controller.abort(), this.options.requestTimeout);
    let body: Uint8Array;
    let etag: string | null;
    try {
      const response = await (this.options.fetch ?? fetch)(this.location, { headers: this.#headers(), signal: controller.signal });
      if (response.status === 304) {
        this.#health.success();
        return;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        throw new ClientError('SOURCE_HTTP_STATUS', `${this.location} answered HTTP ${response.status} ${response.statusText}; retrying with backoff`);
      }
      etag = response.headers.get('etag');
      body = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      if (!this.#closed) this.#fail(sink, error, controller.signal.aborted);
      return;
    } finally {
      clearTimeout(timer);
    }
    this.#health.success();
    await sink.deliver(body);
    // Remember the ETag of any complete body, accepted or refused: the same bytes would be refused again.
    if (etag) this.#etag = etag;
  }

  #headers(): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers };
    if (this.#etag) headers['if-none-match'] = this.#etag;
    return headers;
  }

  #fail(sink: SourceSink, error: unknown, timedOut: boolean): void {
    const failure = error instanceof ClientError
      ? error
      : timedOut
        ? new ClientError('SOURCE_TIMEOUT', `${this.location} did not answer within ${this.options.requestTimeout} ms; retrying with backoff`, { cause: error })
        : new ClientError('SOURCE_UNREACHABLE', `could not fetch ${this.location}: ${causeText(error)}; retrying with backoff`, { cause: error });
    this.#health.failure(failure);
    sink.fail(failure);
  }
}

/** fetch wraps the socket error (ECONNREFUSED, a cut-off body) in `cause`; that is the useful part. */
function causeText(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause;
  const code = (cause as { code?: string })?.code;
  const detail = cause === undefined ? describeError(error) : `${describeError(error)} (${describeError(cause)})`;
  return code && !detail.includes(code) ? `${detail} [${code}]` : detail;
}
