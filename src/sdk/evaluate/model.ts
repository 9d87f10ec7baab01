/**
 * The evaluator's prepared form of a bundle: everything computed once at load, kept compact.
 * Every piece is immutable and shared between flags when equal (see intern.ts), so nothing in
 * here knows which flag key it belongs to.
 */
import type { AttributePath } from './attribute.js';
import type { HashState } from './murmur3.js';
import type { ValueType } from '../bundle/types.js';
import { Condition } from './operators.js';
import type { Resolution } from './types.js';

export interface PreparedSegment {
  readonly path: AttributePath;
  readonly include: ReadonlySet<unknown> | null;
  readonly exclude: ReadonlySet<unknown> | null;
  /** Must hold; null when only `include` matches. */
  readonly when: Condition | null;
}

/**
 * A serve with its results built in advance: nothing is allocated to answer. One class for fixed
 * serves and splits, so the hot loop sees a single shape. A split carries its flag's salt state
 * inline (it is a {@link HashState}), which saves an object per rollout.
 */
export class PreparedServe implements HashState {
  constructor(
    /** Variation index of a fixed serve's result; for a split, of the kill variation (remainder, missing attribute). */
    readonly index: number,
    /**
     * `[result]` for a fixed serve. A split as `[bound0, result0, bound1, result1, …, remainder]`:
     * variation i answers buckets below bound i (cumulative, declaration order), the remainder the rest.
     */
    readonly steps: readonly (number | Resolution)[],
    /** The attribute a split hashes; null for a fixed serve. */
    readonly by: AttributePath | null = null,
    /** A split's answer when the bucketBy attribute is missing or empty. */
    readonly missing: Resolution | null = null,
    readonly h = 0,
    readonly tail = 0,
    readonly len = 0,
  ) {}
}

/**
 * A rule is the condition that must hold for it (an `all` of its conditions when there are
 * several), inlined into the rule itself: one object and one pointer hop less per rule. Rules form
 * a list, a flag's first rule linking to the next, and equal tails are shared.
 */
export class PreparedRule extends Condition {
  constructor(when: Condition, readonly serve: PreparedServe, readonly name: string | undefined, readonly next: PreparedRule | null) {
    super(when.path, when.op, when.negate, when.operand);
  }
}

export interface PreparedPrerequisite {
  /** Null when the bundle lacks the flag: the prerequisite fails. */
  readonly flag: PreparedFlag | null;
  readonly variationName: string | undefined;
}

export interface PrerequisiteGate {
  readonly required: readonly PreparedPrerequisite[];
  /** What the flag answers when a prerequisite does not hold: its kill variation. */
  readonly failed: Resolution;
  /** Index of the kill variation. */
  readonly kill: number;
}

/** What flags with the same variation names and value type share. */
export interface VariationSet {
  /** Variation names in declaration order. */
  readonly names: readonly string[];
  readonly type: ValueType;
}

export interface PreparedFlag {
  readonly variations: VariationSet;
  /** A resolution serving the kill variation: its value and name answer when evaluation fails. */
  readonly safe: Resolution;
  /**
   * Only on flags that have prerequisites (the others save the field); filled once every flag is
   * prepared, so prerequisites point at flags directly.
   */
  prerequisites?: PrerequisiteGate | null;
  /** First rule; null when there are none (or the flag is killed). */
  readonly rules: PreparedRule | null;
  /** The default serve; a killed flag's serves its KILLED result. */
  readonly fallback: PreparedServe;
}

/** A prepared bundle: key → index into `flags`, in bundle order. */
export interface PreparedBundle {
  readonly index: Map<string, number>;
  readonly flags: readonly PreparedFlag[];
}
