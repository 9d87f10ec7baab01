import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ClientError, describeError } from '../errors.js';
import { HealthTracker, type Source, type SourceHealth, type SourceSink } from './source.js';

/**
 * A bundle file on disk (Node only), reloaded when it changes. Watches the folder rather than
 * the file, because an atomic replace (write temp, rename) gives the path a new inode that a
 * file watch would miss; a periodic stat check covers file systems where watching is unreliable.
 */
export class FileSource implements Source {
  readonly kind = 'file';
  readonly #health: HealthTracker;
  #sink?: SourceSink;
  #watcher?: FSWatcher;
  #timer?: ReturnType<typeof setInterval>;
  #seen?: string;
  #chain: Promise<void> = Promise.resolve();
  #checkQueued = false;
  #closed = false;

  constructor(readonly location: string, private readonly options: { pollInterval: number }) {
    this.#health = new HealthTracker(this.kind, location);
  }

  start(sink: SourceSink): void {
    this.#sink = sink;
    this.#watch();
    this.#timer = setInterval(() => void this.#check(false), this.options.pollInterval);
    this.#timer.unref();
    void this.refresh();
  }

  /** Reads the file now, even when it looks unchanged. */
  refresh(): Promise<void> {
    return this.#enqueue(true);
  }

  close(): void {
    this.#closed = true;
    this.#watcher?.close();
    clearInterval(this.#timer);
  }

  health(): SourceHealth {
    return this.#health.snapshot();
  }

  #watch(): void {
    const name = path.basename(this.location);
    try {
      this.#watcher = watch(path.dirname(this.location), { persistent: false }, (_event, file) => {
        if (file === null || file === name) void this.#check(false);
      });
      // A watch that dies (folder removed) leaves the stat timer to notice changes.
      this.#watcher.on('error', () => this.#watcher?.close());
    } catch {
      this.#watcher = undefined;
    }
  }

  #check(force: boolean): Promise<void> {
    if (!force && this.#checkQueued) return this.#chain;
    return this.#enqueue(force);
  }

  #enqueue(force: boolean): Promise<void> {
    if (!force) this.#checkQueued = true;
    this.#chain = this.#chain.then(() => {
      if (!force) this.#checkQueued = false;
      return this.#load(force);
    });
    return this.#chain;
  }

  async #load(force: boolean): Promise<void> {
    const sink = this.#sink;
    if (!sink || this.#closed) return;
    let body: Uint8Array;
    let signature: string;
    try {
      const info = await stat(this.location);
      signature = `${info.ino}:${info.size}:${info.mtimeMs}`;
      if (!force && signature === this.#seen) return;
      body = await readFile(this.location);
    } catch (error) {
      const failure = new ClientError('SOURCE_READ', `could not read bundle file ${this.location}: ${describeError(error)}; it is reloaded as soon as it appears`, { cause: error });
      // A file that stays missing is reported once, not at every check.
      const repeated = this.#seen === undefined && this.#health.snapshot().lastError === failure.message;
      this.#seen = undefined;
      this.#health.failure(failure);
      if (!repeated) sink.fail(failure);
      return;
    }
    this.#seen = signature;
    this.#health.success();
    await sink.deliver(body);
  }
}
