import type { Json } from './bundle/types.js';
import type { Reason } from './evaluate/types.js';

/** One user seeing one variation of one flag; what an analytics pipeline joins experiments on. */
export interface Exposure {
  flag: string;
  variation: string;
  value: Json;
  reason: Reason;
  /** Who: the flag's bucketBy attribute, else `targetingKey`, `userId` or `key`; absent when none. */
  contextKey: string | undefined;
  /** Bundle version that decided it. */
  version: number;
}

export type ExposureCallback = (exposure: Exposure) => void | Promise<void>;

/**
 * Deduplicates exposures per (flag, context key, variation) in a bounded LRU and hands them to
 * the callback on a microtask, so evaluation never waits for, or fails because of, the callback.
 */
export class ExposureTracker {
  readonly #seen = new Map<string, true>();
  #queue: Exposure[] = [];
  #scheduled = false;

  constructor(
    private readonly callback: ExposureCallback,
    private readonly size: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  record(exposure: Exposure): void {
    const id = `${exposure.flag}\u0000${exposure.contextKey ?? ''}\u0000${exposure.variation}`;
    if (this.#seen.has(id)) {
      // Refresh recency so a busy user stays deduplicated while idle ones are evicted.
      this.#seen.delete(id);
      this.#seen.set(id, true);
      return;
    }
    this.#seen.set(id, true);
    if (this.#seen.size > this.size) this.#seen.delete(this.#seen.keys().next().value as string);
    this.#queue.push(exposure);
    if (!this.#scheduled) {
      this.#scheduled = true;
      queueMicrotask(() => this.#flush());
    }
  }

  #flush(): void {
    const batch = this.#queue;
    this.#queue = [];
    this.#scheduled = false;
    for (const exposure of batch) {
      try {
        const result = this.callback(exposure);
        if (result && typeof result.then === 'function') result.then(undefined, this.onError);
      } catch (error) {
        this.onError(error);
      }
    }
  }

  /** Forgets what was seen (a new experiment period, or tests). */
  reset(): void {
    this.#seen.clear();
  }
}
