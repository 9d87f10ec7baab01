import type { PreparedFlag } from './model.js';

/** Callers may ask for keys that are not flags; cap them so counting stays bounded. */
const MAX_UNKNOWN_KEYS = 10_000;
const WRAP = 0xffffffff;

/**
 * Evaluation counts per flag × variation, cheap enough to leave on: each flag owns a run of
 * slots in one typed array (one per variation, then one for "the caller's default"), and
 * counting is an increment. Names are attached only when the counts are read.
 */
export class EvaluationCounts {
  /** Flag index → its first slot; entry n is the total, so flag i's default slot is `bases[i + 1] - 1`. */
  readonly #bases: Uint32Array;
  readonly #counts: Uint32Array;
  /** Whole multiples of 2^32 per slot, for a count that outgrew 32 bits. */
  readonly #carries = new Map<number, number>();
  readonly #unknown = new Map<string, number>();

  constructor(flags: readonly PreparedFlag[]) {
    this.#bases = new Uint32Array(flags.length + 1);
    for (let i = 0; i < flags.length; i++) this.#bases[i + 1] = this.#bases[i]! + flags[i]!.names.length + 1;
    this.#counts = new Uint32Array(this.#bases[flags.length]!);
  }

  /** Flag `flag` served its variation `variation`. */
  served(flag: number, variation: number): void {
    this.#add(this.#bases[flag]! + variation);
  }

  /** Flag `flag` answered the caller's default (type mismatch, a context that broke evaluation). */
  defaulted(flag: number): void {
    this.#add(this.#bases[flag + 1]! - 1);
  }

  /** A key the bundle does not have. */
  unknown(key: string): void {
    const n = this.#unknown.get(key);
    if (n !== undefined) this.#unknown.set(key, n + 1);
    else if (this.#unknown.size < MAX_UNKNOWN_KEYS) this.#unknown.set(key, 1);
  }

  #add(slot: number): void {
    // The array wraps to 0 past 2^32 - 1; the lost 2^32 is kept aside.
    const n = this.#counts[slot]!;
    this.#counts[slot] = n + 1;
    if (n === WRAP) this.#carries.set(slot, (this.#carries.get(slot) ?? 0) + 1);
  }

  /** Calls `visit` for every non-zero count; `variation` is undefined for the caller's default. */
  read(keys: Iterable<[string, number]>, flags: readonly PreparedFlag[], visit: (flag: string, variation: string | undefined, n: number) => void): void {
    for (const [key, i] of keys) {
      const names = flags[i]!.names;
      const base = this.#bases[i]!;
      for (let v = 0; v <= names.length; v++) {
        const n = this.#counts[base + v]! + (this.#carries.get(base + v) ?? 0) * 2 ** 32;
        if (n > 0) visit(key, names[v], n);
      }
    }
    for (const [key, n] of this.#unknown) visit(key, undefined, n);
  }
}
