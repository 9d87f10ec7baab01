import type { PreparedFlag } from './model.js';

/** Callers may ask for keys that are not flags; cap them so counting stays bounded. */
const MAX_UNKNOWN_KEYS = 10_000;
const WRAP = 0xffffffff;
/** Slots per flag at most; variations past them count aside. */
const MAX_STRIDE = 4;

/**
 * Evaluation counts per flag × variation, cheap enough to leave on: flag i owns `stride` slots of
 * one typed array at `i × stride`, one per variation, so counting is an increment at a computed
 * index, with no lookup. Variations past the stride (flags with many) count in a small array of
 * their own, and answers of the caller's default (errors) in a map. Names are attached only when
 * counts are read.
 */
export class EvaluationCounts {
  readonly #stride: number;
  readonly #counts: Uint32Array;
  /** Whole multiples of 2^32 per slot, for a count that outgrew 32 bits. */
  readonly #carries = new Map<number, number>();
  /** Flag index → counts of its variations from `stride` on. */
  readonly #wide = new Map<number, Float64Array>();
  /** Flag index → answers of the caller's default. */
  readonly #defaults = new Map<number, number>();
  readonly #unknown = new Map<string, number>();

  constructor(flags: readonly PreparedFlag[]) {
    const most = flags.reduce((n, flag) => Math.max(n, flag.variations.names.length), 0);
    this.#stride = Math.max(1, Math.min(most, MAX_STRIDE));
    this.#counts = new Uint32Array(flags.length * this.#stride);
    flags.forEach((flag, i) => {
      if (flag.variations.names.length > this.#stride) this.#wide.set(i, new Float64Array(flag.variations.names.length - this.#stride));
    });
  }

  /** Flag `flag` served its variation `variation`. */
  served(flag: number, variation: number): void {
    const stride = this.#stride;
    if (variation < stride) this.#add(flag * stride + variation);
    else this.#wide.get(flag)![variation - stride]! += 1;
  }

  /** Flag `flag` answered the caller's default (type mismatch, a context that broke evaluation). */
  defaulted(flag: number): void {
    this.#defaults.set(flag, (this.#defaults.get(flag) ?? 0) + 1);
  }

  /** A key the bundle does not have. */
  unknown(key: string): void {
    const n = this.#unknown.get(key);
    if (n !== undefined) this.#unknown.set(key, n + 1);
    else if (this.#unknown.size < MAX_UNKNOWN_KEYS) this.#unknown.set(key, 1);
  }

  #add(slot: number): void {
    const n = this.#counts[slot]!;
    this.#counts[slot] = n + 1;
    // The array wraps to 0 past 2^32 - 1; the lost 2^32 is kept aside.
    if (n === WRAP) this.#carries.set(slot, (this.#carries.get(slot) ?? 0) + 1);
  }

  #slot(slot: number): number {
    return this.#counts[slot]! + (this.#carries.get(slot) ?? 0) * 2 ** 32;
  }

  /** Calls `visit` for every non-zero count; `variation` is undefined for the caller's default. */
  read(keys: Iterable<[string, number]>, flags: readonly PreparedFlag[], visit: (flag: string, variation: string | undefined, n: number) => void): void {
    const stride = this.#stride;
    for (const [key, i] of keys) {
      const names = flags[i]!.variations.names;
      const wide = this.#wide.get(i);
      for (let v = 0; v < names.length; v++) {
        const n = v < stride ? this.#slot(i * stride + v) : wide![v - stride]!;
        if (n > 0) visit(key, names[v], n);
      }
      const defaults = this.#defaults.get(i);
      if (defaults !== undefined) visit(key, undefined, defaults);
    }
    for (const [key, n] of this.#unknown) visit(key, undefined, n);
  }
}
