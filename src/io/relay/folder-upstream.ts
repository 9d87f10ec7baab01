import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Offer, Upstream, UpstreamReport } from './upstream.js';

/**
 * The folder `flags publish --to DIR` writes. Watches the folder, not the files: a publish
 * replaces `<env>.json` by renaming a temp file over it, which a watch on the old file would
 * miss. A stat of each file every `interval` covers file systems where watching is unreliable
 * (network mounts) and a folder that appears later.
 */
export class FolderUpstream implements Upstream {
  readonly describe: string;
  readonly #seen = new Map<string, string>();
  readonly #chains = new Map<string, Promise<void>>();
  readonly #failing = new Set<string>();
  #offer?: Offer;
  #watcher?: FSWatcher;
  #timer?: ReturnType<typeof setInterval>;
  #closed = false;

  constructor(readonly dir: string, readonly environments: string[], private readonly options: { interval: number; report: UpstreamReport }) {
    this.describe = dir;
  }

  async start(offer: Offer): Promise<void> {
    this.#offer = offer;
    this.#watch();
    await Promise.all(this.environments.map((env) => this.#check(env)));
    this.#timer = setInterval(() => {
      if (!this.#watcher) this.#watch();
      for (const env of this.environments) void this.#check(env);
    }, this.options.interval);
    this.#timer.unref();
  }

  close(): void {
    this.#closed = true;
    this.#watcher?.close();
    clearInterval(this.#timer);
  }

  #watch(): void {
    try {
      this.#watcher = watch(this.dir, { persistent: false }, (_event, name) => {
        for (const env of this.environments) if (name === null || name === `${env}.json`) void this.#check(env);
      });
      this.#watcher.on('error', () => {
        this.#watcher?.close();
        this.#watcher = undefined;
      });
    } catch {
      this.#watcher = undefined; // folder not there yet: the timer retries
    }
  }

  /** One check at a time per environment, so bytes reach the relay in the order they were read. */
  #check(env: string): Promise<void> {
    const next = (this.#chains.get(env) ?? Promise.resolve()).then(() => this.#load(env));
    this.#chains.set(env, next);
    return next;
  }

  async #load(env: string): Promise<void> {
    if (this.#closed || !this.#offer) return;
    const file = path.join(this.dir, `${env}.json`);
    let bytes: Uint8Array;
    try {
      const info = await stat(file);
      const signature = `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
      if (this.#seen.get(env) === signature) return;
      bytes = new Uint8Array(await readFile(file));
      this.#seen.set(env, signature);
    } catch (error) {
      this.#seen.delete(env);
      const code = (error as NodeJS.ErrnoException).code;
      if (!this.#failing.has(env) && code !== 'ENOENT') this.options.report(env, `cannot read ${file}: ${code ?? (error as Error).message}; retrying`);
      this.#failing.add(env);
      return;
    }
    this.#failing.delete(env);
    await this.#offer(env, bytes, file);
  }
}
