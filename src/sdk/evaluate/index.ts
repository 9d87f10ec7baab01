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
import { explainResult, type Explanation } from './explain.js';
import { resolveFlag } from './evaluate.js';
import type { PreparedFlag } from './model.js';
import { prepareBundle } from './prepare.js';
import type { Context, Resolution } from './types.js';

export { murmur3 } from './murmur3.js';
export { bucketOf } from './bucket.js';
export type { Explanation } from './explain.js';
export type { Context, ErrorCode, Reason, Resolution } from './types.js';

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
  keys(): string[];
}

/** Prepares a bundle payload for evaluation: all the work happens here, once. */
export function createEvaluator(payload: BundlePayload): Evaluator {
  return new BundleEvaluator(prepareBundle(payload));
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
  private readonly list: PreparedFlag[];

  constructor(private readonly flags: Map<string, PreparedFlag>) {
    this.list = [...flags.values()];
  }

  evaluate<T = unknown>(key: string, context: Context, defaultValue?: T): Resolution<T> {
    const flag = this.flags.get(key);
    if (flag === undefined) return failure(defaultValue as T, 'FLAG_NOT_FOUND');
    if (defaultValue != null && typeof defaultValue !== flag.type) return failure(defaultValue, 'TYPE_MISMATCH');
    try {
      return resolveFlag(flag, asObject(context), 0) as Resolution<T>;
    } catch {
      return safeFailure(flag, defaultValue);
    }
  }

  value<T>(key: string, context: Context, defaultValue: T): T {
    const flag = this.flags.get(key);
    if (flag === undefined || (defaultValue != null && typeof defaultValue !== flag.type)) return defaultValue;
    try {
      return resolveFlag(flag, asObject(context), 0).value as T;
    } catch {
      return defaultValue ?? (flag.safeValue as T);
    }
  }

  variation(key: string, context: Context): string | undefined {
    const flag = this.flags.get(key);
    if (flag === undefined) return undefined;
    try {
      return resolveFlag(flag, asObject(context), 0).variation;
    } catch {
      return flag.safeVariation;
    }
  }

  explain(key: string, context: Context): Explanation {
    const flag = this.flags.get(key);
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
    for (const flag of this.list) {
      let value: unknown;
      try {
        value = resolveFlag(flag, ctx, 0).value;
      } catch {
        value = flag.safeValue;
      }
      // Own data property even for a key like `__proto__`.
      Object.defineProperty(values, flag.key, { value, enumerable: true, writable: true, configurable: true });
    }
    return values;
  }

  keys(): string[] {
    return [...this.flags.keys()];
  }
}

/**
 * The context broke evaluation (a getter or proxy threw): the caller's default if given, else the
 * kill variation — a value of the flag's type that never exposes a half-built feature.
 */
function safeFailure<T>(flag: PreparedFlag, defaultValue: T | undefined): Resolution<T> {
  if (defaultValue != null) return { value: defaultValue, reason: 'ERROR', errorCode: 'GENERAL' };
  const result: Resolution<T> = { value: flag.safeValue as T, reason: 'ERROR', errorCode: 'GENERAL' };
  if (flag.safeVariation !== undefined) result.variation = flag.safeVariation;
  return result;
}
