import { ClientError, describeError } from '../errors.js';
import { HttpSource } from './http.js';
import { HealthTracker, type Source, type SourceHealth, type SourceSink } from './source.js';
import { SseParser } from './sse.js';

export interface StreamSourceOptions {
  /**
   * Polled (with ETags) while the stream is down, so a broken relay or a proxy that buffers
   * event streams never leaves the client stale for long. Default: the stream URL with its
   * `/stream` suffix replaced by `.json` (the relay's own polling endpoint); point it at your
   * CDN to survive the relay itself being down; `false` never polls.
   */
  pollUrl?: string | false;
  /** Poll interval while the stream is down, ms. */
  pollInterval: number;
  /** Connecting (until the response headers) and each poll are aborted after this long, ms. */
  requestTimeout: number;
  /** Longest wait between polls after repeated failures, ms. */
  maxBackoff: number;
  /** Longest wait between reconnection attempts, ms. Default 30 000. */
  maxReconnectDelay?: number;
  /** No byte at all (not even a heartbeat) for this long means a dead connection, ms. Default 45 000. */
  idleTimeout?: number;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  random?: () => number;
}

/** Until the server sends `retry:`, the first reconnection waits about this long, ms. */
const DEFAULT_RETRY = 1000;

/**
 * Receives bundles pushed over server-sent events by `flags serve` (`GET /<env>/stream`):
 * a kill reaches the client as soon as the relay sees it. Reconnects with exponential backoff,
 * jitter and `Last-Event-ID` (the relay then skips a bundle the client already has), and polls
 * the `.json` endpoint while the stream is down. Every envelope goes to the client's sink, the
 * same verification path as any other source. Uses only `fetch`, streams and timers, so it
 * runs outside Node too (Node 20 has no global EventSource, hence the own parser). An open
 * stream is an open socket: call the client's `close()` to let the process exit.
 */
export class StreamSource implements Source {
  readonly kind = 'stream';
  readonly #health: HealthTracker;
  readonly #pollUrl: string | undefined;
  #sink?: SourceSink;
  #lastEventId = '';
  #retry = DEFAULT_RETRY;
  #failures = 0;
  #connected = false;
  #controller?: AbortController;
  #reconnectTimer?: ReturnType<typeof setTimeout>;
  #poller?: HttpSource;
  #closed = false;

  constructor(readonly location: string, private readonly options: StreamSourceOptions) {
    this.#health = new HealthTracker(this.kind, location);
    this.#pollUrl = options.pollUrl === false ? undefined : options.pollUrl ?? defaultPollUrl(location);
  }

  start(sink: SourceSink): void {
    this.#sink = sink;
    void this.#connect();
  }

  /** Polls the `.json` endpoint once now (the stream itself needs no asking). */
  async refresh(): Promise<void> {
    if (this.#closed || this.#sink === undefined) return;
    if (this.#poller) return this.#poller.refresh();
    if (this.#pollUrl === undefined) return;
    const once = this.#createPoller(this.#pollUrl);
    once.start(this.#sink);
    try {
      await once.refresh();
    } finally {
      once.close();
    }
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#reconnectTimer);
    this.#controller?.abort();
    this.#stopPolling();
  }

  health(): SourceHealth {
    const stream = this.#health.snapshot();
    const poll = this.#poller?.health();
    const mode = this.#connected ? 'stream' : poll ? 'poll' : 'connecting';
    const polledFine = poll !== undefined && poll.healthy && poll.lastSuccessAt !== undefined;
    return { ...stream, healthy: this.#connected || stream.healthy || polledFine, mode };
  }

  async #connect(): Promise<void> {
    const sink = this.#sink;
    if (!sink || this.#closed) return;
    const controller = (this.#controller = new AbortController());
    const connectTimer = setTimeout(() => controller.abort(), this.options.requestTimeout);
    let body: ReadableStream<Uint8Array>;
    try {
      const response = await (this.options.fetch ?? fetch)(this.location, { headers: this.#headers(), signal: controller.signal });
      body = checkResponse(this.location, response);
    } catch (error) {
      clearTimeout(connectTimer);
      if (!this.#closed) this.#lost(this.#connectFailure(error, controller.signal.aborted));
      return;
    }
    clearTimeout(connectTimer);
    this.#opened();
    const failure = await this.#read(body, controller, sink);
    this.#connected = false;
    if (this.#closed) return;
    if (failure) this.#lost(failure);
    else this.#schedule(); // the server ended the stream (restart, deploy): reconnect, no alarm yet
  }

  #opened(): void {
    this.#connected = true;
    this.#failures = 0;
    this.#health.success();
    this.#stopPolling();
  }

  /** Reads events until the stream ends; resolves with the failure that ended it, if one did. */
  async #read(body: ReadableStream<Uint8Array>, controller: AbortController, sink: SourceSink): Promise<ClientError | undefined> {
    const parser = new SseParser();
    parser.lastEventId = this.#lastEventId;
    const decoder = new TextDecoder();
    const reader = body.getReader();
    const idle = this.options.idleTimeout ?? 45_000;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    let idled = false;
    const arm = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => ((idled = true), controller.abort()), idle);
      (idleTimer as { unref?: () => void }).unref?.();
    };
    try {
      for (;;) {
        // Only waiting for bytes counts as idle, not the time spent verifying what arrived.
        arm();
        const { done, value } = await reader.read();
        clearTimeout(idleTimer);
        if (done) return undefined;
        for (const event of parser.push(decoder.decode(value, { stream: true }))) {
          if (event.event === 'bundle') await sink.deliver(event.data);
          this.#lastEventId = parser.lastEventId;
        }
        if (parser.retry !== undefined) this.#retry = parser.retry;
      }
    } catch (error) {
      if (this.#closed) return undefined;
      if (idled) return new ClientError('SOURCE_TIMEOUT', `the stream ${this.location} sent nothing (not even a heartbeat) for ${idle} ms; reconnecting${this.#fallbackNote()}`);
      return new ClientError('SOURCE_UNREACHABLE', `the stream ${this.location} broke: ${describeError(error)}; reconnecting${this.#fallbackNote()}`, { cause: error });
    } finally {
      clearTimeout(idleTimer);
      reader.cancel().catch(() => {});
    }
  }

  #lost(failure: ClientError): void {
    this.#connected = false;
    this.#failures += 1;
    this.#health.failure(failure);
    this.#sink?.fail(failure);
    this.#startPolling();
    this.#schedule();
  }

  /** Backoff doubles per failed attempt from the server's `retry` hint; full jitter spreads a fleet reconnecting after a relay restart. */
  #schedule(): void {
    if (this.#closed) return;
    const max = this.options.maxReconnectDelay ?? 30_000;
    const base = Math.min(max, this.#retry * 2 ** this.#failures);
    const delay = Math.round(base * (0.5 + (this.options.random ?? Math.random)()));
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = setTimeout(() => void this.#connect(), delay);
    (this.#reconnectTimer as { unref?: () => void }).unref?.();
  }

  #startPolling(): void {
    if (this.#poller || this.#pollUrl === undefined || !this.#sink) return;
    this.#poller = this.#createPoller(this.#pollUrl);
    this.#poller.start(this.#sink);
  }

  #stopPolling(): void {
    this.#poller?.close();
    this.#poller = undefined;
  }

  #createPoller(url: string): HttpSource {
    const { pollInterval, requestTimeout, maxBackoff, headers, fetch: fetcher, random } = this.options;
    return new HttpSource(url, { pollInterval, requestTimeout, maxBackoff, headers, fetch: fetcher, random });
  }

  #headers(): Record<string, string> {
    const headers: Record<string, string> = { accept: 'text/event-stream', 'cache-control': 'no-cache', ...this.options.headers };
    if (this.#lastEventId !== '') headers['last-event-id'] = this.#lastEventId;
    return headers;
  }

  #connectFailure(error: unknown, timedOut: boolean): ClientError {
    const next = `; reconnecting with backoff${this.#fallbackNote()}`;
    if (error instanceof ClientError) return new ClientError(error.code, `${error.message}${next}`);
    if (timedOut) return new ClientError('SOURCE_TIMEOUT', `the stream ${this.location} did not answer within ${this.options.requestTimeout} ms${next}`, { cause: error });
    const cause = (error as { cause?: unknown })?.cause;
    const detail = cause === undefined ? describeError(error) : `${describeError(error)} (${describeError(cause)})`;
    return new ClientError('SOURCE_UNREACHABLE', `could not connect to the stream ${this.location}: ${detail}${next}`, { cause: error });
  }

  #fallbackNote(): string {
    return this.#pollUrl === undefined ? '' : `, polling ${this.#pollUrl} meanwhile`;
  }
}

function checkResponse(location: string, response: Response): ReadableStream<Uint8Array> {
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || response.body === null || !type.toLowerCase().startsWith('text/event-stream')) {
    void response.body?.cancel().catch(() => {});
    const what = response.ok ? `answered ${type || 'no content type'}, not text/event-stream (is it the relay's /<environment>/stream URL?)` : `answered HTTP ${response.status} ${response.statusText}`;
    throw new ClientError('SOURCE_HTTP_STATUS', `the stream ${location} ${what}`);
  }
  return response.body;
}

/** `…/production/stream` → `…/production.json`, the relay's polling endpoint for the same environment. */
export function defaultPollUrl(streamUrl: string): string | undefined {
  const url = new URL(streamUrl);
  if (!/\/stream\/?$/.test(url.pathname)) return undefined;
  url.pathname = `${url.pathname.replace(/\/stream\/?$/, '')}.json`;
  return url.href;
}
