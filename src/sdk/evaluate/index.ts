/**
 * The flagops evaluator: SPEC section 2, runtime-neutral (no Node-only imports, no dependencies),
 * never throws.
 *
 * @example
 * const evaluator = createEvaluator(payload);
 * evaluator.value('new-pdf-engine', { accountId: 'acct_1001' }, false); // true or false
 * evaluator.evaluate('redesigned-dashboard', { userId: 'u1' }); // { value, variation, reason: 'SPLIT' }
 */
import type { BundlePayload, Json } from '../bundle/types.js';
import { EvaluationCounts } from './counts.js';
import { bucketByOf, explainResult, type Explanation } from './explain.js';
import { lastServed, resolveFlag } from './evaluate.js';
import type { PreparedBundle, PreparedFlag } from './model.js';
import { prepareBundle } from './prepare.js';
import type { Context, Resolution } from './types.js';

export { murmur3 } from './murmur3.js';
export { bucketOf } from './bucket.js';
export type { Explanation } from './explain.js';
export type { Context, ErrorCode, Reason, Resolution } from './types.js';

export interface EvaluatorOptions {
  /**
   * Count every `evaluate` call per flag × variation (read them with {@link Evaluator.readCounts}).
   * Costs an increment per call and 4 bytes per variation.
   */
  count?: boolean;
}

export interface Evaluator {
  /**
   * The flag's resolution for a context. Never throws. With `defaultValue` given (not null or
   * undefined), a flag of another type answers `defaultValue` with reason ERROR, TYPE_MISMATCH.
   * The result is frozen and may be shared between calls.
   */
  evaluate<T = unknown>(key: string, context: Context, defaultValue?: T): Resolution<T>;
  /** Fast path: the same as `evaluate(key, context, defaultValue).value`. */
  value<T>(key: string, context: Context, defaultValue: T): T;
  /** For `flags eval`: the resolution plus the bucket, the bucketBy attribute and the matched rule's name. */
  explain(key: string, context: Context): Explanation;
  /** key → value for every flag: what a browser may see (no rules, no reasons). */
  allValues(context: Context): Record<string, Json>;
  /** The name of the variation served, or undefined when no variation is (unknown flag, error): for exposure and metrics. */
  variation(key: string, context: Context): string | undefined;
  /** Flag keys, in bundle order. */
  keys(): string[];
  /** The attribute the flag's first rollout hashes, if it has one: who an exposure is about. */
  bucketBy(key: string): string | undefined;
  /**
   * With `count` on, calls `visit` for every flag × variation `evaluate` answered, and for keys
   * that are not flags (`variation` undefined: the caller's default).
   */
  readCounts(visit: (flag: string, variation: string | undefined, n: number) => void): void;
}

/** Prepares a bundle payload for evaluation: all the work happens here, once. */
export function createEvaluator(payload: BundlePayload, options: EvaluatorOptions = {}): Evaluator {
  return new BundleEvaluator(prepareBundle(payload), options.count === true);
}

const EMPTY: object = Object.freeze(Object.create(null));

/** Contexts that are not objects (null, strings, numbers) evaluate as an empty context. */
function asObject(context: unknown): object {
  return typeof context === 'object' && context !== null ? context : EMPTY;
}

function failure<T>(value: T, code: 'FLAG_NOT_FOUND' | 'TYPE_MISMATCH'): Resolution<T> {
  return { value, reason: 'ERROR', errorCode: code };
}

class BundleEvaluator implements Evaluator {
  private readonly index: Map<string, number>;
  private readonly flags: readonly PreparedFlag[];
  private readonly counts: EvaluationCounts | null;

  constructor(prepared: PreparedBundle, count: boolean) {
    this.index = prepared.index;
    this.flags = prepared.flags;
    this.counts = count ? new EvaluationCounts(prepared.flags) : null;
  }

  evaluate<T = unknown>(key: string, context: Context, defaultValue?: T): Resolution<T> {
    const i = this.index.get(key);
    if (i === undefined) {
      this.counts?.unknown(key);
      return failure(defaultValue as T, 'FLAG_NOT_FOUND');
    }
    const flag = this.flags[i]!;
    if (defaultValue != null && typeof defaultValue !== flag.variations.type) {
      this.counts?.defaulted(i);
      return failure(defaultValue, 'TYPE_MISMATCH');
    }
    try {
      const result = resolveFlag(flag, asObject(context), 0) as Resolution<T>;
      if (this.counts !== null) this.counts.served(i, lastServed());
      return result;
    } catch {
      this.counts?.defaulted(i);
      return safeFailure(flag, defaultValue);
    }
  }

  value<T>(key: string, context: Context, defaultValue: T): T {
    const flag = this.flag(key);
    if (flag === undefined || (defaultValue != null && typeof defaultValue !== flag.variations.type)) return defaultValue;
    try {
      return resolveFlag(flag, asObject(context), 0).value as T;
    } catch {
      return defaultValue ?? (flag.safe.value as T);
    }
  }

  variation(key: string, context: Context): string | undefined {
    const flag = this.flag(key);
    if (flag === undefined) return undefined;
    try {
      return resolveFlag(flag, asObject(context), 0).variation;
    } catch {
      return flag.safe.variation;
    }
  }

  explain(key: string, context: Context): Explanation {
    const flag = this.flag(key);
    if (flag === undefined) return failure(undefined, 'FLAG_NOT_FOUND');
    try {
      const ctx = asObject(context);
      return explainResult(flag, resolveFlag(flag, ctx, 0), ctx);
    } catch {
      return safeFailure(flag, undefined);
    }
  }

  allValues(context: Context): Record<string, Json> {
    const ctx = asObject(context);
    const values: Record<string, Json> = {};
    for (const [key, i] of this.index) {
      const flag = this.flags[i]!;
      let value: unknown;
      try {
        value = resolveFlag(flag, ctx, 0).value;
      } catch {
        value = flag.safe.value;
      }
      // Own data property even for a key like `__proto__`.
      Object.defineProperty(values, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return values;
  }

  keys(): string[] {
    return [...this.index.keys()];
  }

  bucketBy(key: string): string | undefined {
    const flag = this.flag(key);
    return flag === undefined ? undefined : bucketByOf(flag);
  }

  readCounts(visit: (flag: string, variation: string | undefined, n: number) => void): void {
    this.counts?.read(this.index, this.flags, visit);
  }

  private flag(key: string): PreparedFlag | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.flags[i];
  }
}

/**
 * The context broke evaluation (a getter or proxy threw): the caller's default if given, else the
 * kill variation — a value of the flag's type that never exposes a half-built feature.
 */
function safeFailure<T>(flag: PreparedFlag, defaultValue: T | undefined): Resolution<T> {
  if (defaultValue != null) return { value: defaultValue, reason: 'ERROR', errorCode: 'GENERAL' };
  const result: Resolution<T> = { value: flag.safe.value as T, reason: 'ERROR', errorCode: 'GENERAL' };
  if (flag.safe.variation !== undefined) result.variation = flag.safe.variation;
  return result;
}
