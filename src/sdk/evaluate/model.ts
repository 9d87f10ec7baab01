/** The evaluator's prepared form of a bundle: everything computed once at load. */
import type { ValueType } from '../bundle/types.js';
import type { AttributePath } from './attribute.js';
import type { HashState } from './murmur3.js';
import type { Condition } from './operators.js';
import type { Resolution } from './types.js';

export interface PreparedSegment {
  readonly path: AttributePath;
  readonly include: ReadonlySet<unknown> | null;
  readonly exclude: ReadonlySet<unknown> | null;
  /** All must hold; null when only `include` matches. */
  readonly when: readonly Condition[] | null;
}

/** A serve with its results built in advance: nothing is allocated to answer. */
export interface PreparedServe {
  /** The result of a fixed serve; null for a split. */
  readonly fixed: Resolution | null;
  /** Cumulative exclusive bucket bounds per variation, declaration order. */
  readonly split: readonly number[];
  /** Per variation index, for a split. */
  readonly results: readonly Resolution[];
  /** Buckets past the last bound: the kill variation. */
  readonly remainder: Resolution | null;
  /** The bucketBy attribute is missing or empty. */
  readonly missing: Resolution | null;
  readonly by: AttributePath | null;
  readonly byName: string | undefined;
}

export interface PreparedRule {
  readonly when: readonly Condition[];
  readonly serve: PreparedServe;
  readonly name: string | undefined;
}

export interface PreparedPrerequisite {
  /** Null when the bundle lacks the flag: the prerequisite fails. */
  readonly flag: PreparedFlag | null;
  readonly variationName: string | undefined;
}

export interface PreparedFlag {
  readonly key: string;
  readonly type: ValueType;
  readonly killed: boolean;
  readonly salt: HashState;
  /** Filled once every flag is prepared, so prerequisites point at flags directly. */
  prerequisites: readonly PreparedPrerequisite[] | null;
  readonly rules: readonly PreparedRule[];
  readonly fallback: PreparedServe;
  readonly killedResult: Resolution;
  readonly prerequisiteResult: Resolution;
  /** The kill variation's value, for answers that cannot come from a rule. */
  readonly safeValue: unknown;
  readonly safeVariation: string | undefined;
}
