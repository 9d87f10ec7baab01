import type { ServerResponse } from 'node:http';

/**
 * One SSE connection. A subscriber still holding an undrained frame when the next bundle comes
 * cannot keep up: it is dropped rather than buffered without bound, and reconnects with
 * `Last-Event-ID` to get only the newest bundle, which is all it needs.
 */
export class Subscriber {
  #backlogged = false;
  #closed = false;

  constructor(readonly res: ServerResponse, readonly onGone: (subscriber: Subscriber) => void) {
    res.on('close', () => this.#gone());
    res.on('drain', () => (this.#backlogged = false));
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Writes a frame; false when the subscriber was dropped instead. */
  send(frame: Buffer | string): boolean {
    if (this.#closed) return false;
    if (this.#backlogged) {
      this.drop();
      return false;
    }
    if (!this.res.write(frame)) this.#backlogged = true;
    return true;
  }

  /** A heartbeat is skipped while a frame is still queued: the connection is evidently busy. */
  ping(frame: string): void {
    if (!this.#closed && !this.#backlogged) this.send(frame);
  }

  /** Cuts a slow connection; its client reconnects. */
  drop(): void {
    this.res.destroy();
    this.#gone();
  }

  /** Ends the stream cleanly (relay shutting down). */
  end(): void {
    if (!this.#closed) this.res.end();
    this.#gone();
  }

  #gone(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.onGone(this);
  }
}
