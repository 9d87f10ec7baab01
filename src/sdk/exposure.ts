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
 * Deduplicates exposures per (flag, context key, variation) and hands them to the callback on a
 * microtask, so evaluation never waits for, or fails because of, the callback.
 *
 * Memory is bounded by `size` keys with two generations (a cheap approximation of LRU): keys
 * live in the current generation; when it fills, it becomes the previous one and the old
 * previous is dropped; a key found in the previous generation is moved back into the current.
 * Lookups use nested maps of the strings the caller already has, so a repeat costs no allocation.
 */
export class ExposureTracker {
  #current = new Generation();
  #previous = new Generation();
  readonly #capacity: number;
  #queue: Exposure[] = [];
  #scheduled = false;

  constructor(
    private readonly callback: ExposureCallback,
    size: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.#capacity = Math.max(1, Math.ceil(size / 2));
  }

  /** True when this (flag, variation, context key) was not seen recently; it is then remembered. */
  isNew(flag: string, variation: string, contextKey: string | undefined): boolean {
    const ck = contextKey ?? '';
    if (this.#current.has(flag, variation, ck)) return false;
    const seenBefore = this.#previous.has(flag, variation, ck);
    if (this.#current.size >= this.#capacity) {
      this.#previous = this.#current;
      this.#current = new Generation();
    }
    this.#current.add(flag, variation, ck);
    return !seenBefore;
  }

  /** Queues an exposure for the callback (call after {@link isNew} said it is new). */
  deliver(exposure: Exposure): void {
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
}

/** flag → variation → context keys. */
class Generation {
  readonly #byFlag = new Map<string, Map<string, Set<string>>>();
  size = 0;

  has(flag: string, variation: string, contextKey: string): boolean {
    return this.#byFlag.get(flag)?.get(variation)?.has(contextKey) === true;
  }

  add(flag: string, variation: string, contextKey: string): void {
    let byVariation = this.#byFlag.get(flag);
    if (byVariation === undefined) this.#byFlag.set(flag, (byVariation = new Map()));
    let keys = byVariation.get(variation);
    if (keys === undefined) byVariation.set(variation, (keys = new Set()));
    keys.add(contextKey);
    this.size++;
  }
}
