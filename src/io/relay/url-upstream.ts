import type { Offer, Upstream, UpstreamReport } from './upstream.js';

export interface UrlUpstreamOptions {
  interval: number;
  timeout: number;
  report: UpstreamReport;
  headers?: Record<string, string>;
}

const MAX_BACKOFF = 30_000;

/** An origin serving `<env>.json` (a CDN, nginx, another relay), polled with `If-None-Match`. */
export class UrlUpstream implements Upstream {
  readonly describe: string;
  readonly #etags = new Map<string, string>();
  readonly #failures = new Map<string, number>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #closed = false;

  constructor(readonly base: URL, readonly environments: string[], private readonly options: UrlUpstreamOptions) {
    this.describe = base.href;
  }

  async start(offer: Offer): Promise<void> {
    await Promise.all(this.environments.map((env) => this.#poll(env, offer)));
  }

  close(): void {
    this.#closed = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
  }

  async #poll(env: string, offer: Offer): Promise<void> {
    if (this.#closed) return;
    const url = new URL(`${env}.json`, this.base).href;
    try {
      const bytes = await this.#fetch(env, url);
      if ((this.#failures.get(env) ?? 0) > 0) this.options.report(env, `${url} answers again`);
      this.#failures.set(env, 0);
      if (bytes) await offer(env, bytes, url);
    } catch (error) {
      const failures = (this.#failures.get(env) ?? 0) + 1;
      this.#failures.set(env, failures);
      if (failures === 1) this.options.report(env, `cannot fetch ${url}: ${(error as Error).message}; retrying with backoff`);
    }
    if (this.#closed) return;
    const failures = this.#failures.get(env) ?? 0;
    const delay = failures === 0 ? this.options.interval : Math.min(MAX_BACKOFF, this.options.interval * 2 ** failures);
    const timer = setTimeout(() => void this.#poll(env, offer), delay);
    timer.unref();
    this.#timers.set(env, timer);
  }

  /** The new body, or undefined when unchanged (304) or not published yet (404). */
  async #fetch(env: string, url: string): Promise<Uint8Array | undefined> {
    const etag = this.#etags.get(env);
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...(etag ? { 'if-none-match': etag } : {}) };
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(this.options.timeout) });
    if (response.status === 304 || response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`HTTP ${response.status} ${response.statusText}`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const next = response.headers.get('etag');
    if (next) this.#etags.set(env, next);
    return bytes;
  }
}
