import { HealthTracker, type Source, type SourceHealth, type SourceSink } from './source.js';

/**
 * A bundle held in memory: given at start, replaceable with `update()` (e.g. from a transport
 * of your own). Runtime-neutral.
 */
export class MemorySource implements Source {
  readonly kind = 'memory';
  readonly location = 'memory';
  readonly #health = new HealthTracker(this.kind, this.location);
  #sink?: SourceSink;
  #body?: string | Uint8Array;

  constructor(body?: string | Uint8Array | object) {
    if (body !== undefined) this.#body = toBody(body);
  }

  start(sink: SourceSink): void {
    this.#sink = sink;
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const body = this.#body;
    if (this.#sink === undefined || body === undefined) return;
    this.#health.success();
    await this.#sink.deliver(body);
    // Delivered once, the client has what it needs (or refused it for good); a large envelope
    // should not stay alive beside the prepared flags.
    if (this.#body === body) this.#body = undefined;
  }

  /** Replaces the bundle and delivers it; resolves once the client verified or refused it. */
  async update(body: string | Uint8Array | object): Promise<void> {
    this.#body = toBody(body);
    await this.refresh();
  }

  close(): void {
    this.#sink = undefined;
  }

  health(): SourceHealth {
    return this.#health.snapshot();
  }
}

function toBody(body: string | Uint8Array | object): string | Uint8Array {
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  return JSON.stringify(body);
}
