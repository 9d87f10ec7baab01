import type { PreparedServe } from './model.js';
import type { ErrorCode, Reason, Resolution } from './types.js';

const NONE: readonly never[] = Object.freeze([]);

/**
 * Builds the frozen Resolution objects evaluation hands out, sharing identical ones: ten thousand
 * on/off flags need a few dozen result objects, not tens of thousands.
 */
export class ResultPool {
  private readonly shared = new Map<string, Resolution>();
  private readonly fixed = new Map<Resolution, PreparedServe>();

  /** The serve that always answers `result`; one object for every flag serving the same shared result. */
  fixedServe(result: Resolution): PreparedServe {
    let serve = this.fixed.get(result);
    if (serve === undefined) {
      serve = { fixed: result, split: NONE, results: NONE, remainder: null, missing: null, by: null, byName: undefined };
      this.fixed.set(result, serve);
    }
    return serve;
  }

  get(value: unknown, variation: string | undefined, reason: Reason, ruleIndex?: number, errorCode?: ErrorCode): Resolution {
    if (value !== null && typeof value === 'object') return build(value, variation, reason, ruleIndex, errorCode);
    const id = `${reason}|${ruleIndex ?? ''}|${errorCode ?? ''}|${variation ?? ''}|${typeof value}|${String(value)}`;
    let result = this.shared.get(id);
    if (result === undefined) {
      result = build(value, variation, reason, ruleIndex, errorCode);
      this.shared.set(id, result);
    }
    return result;
  }
}

function build(value: unknown, variation: string | undefined, reason: Reason, ruleIndex?: number, errorCode?: ErrorCode): Resolution {
  const result: Resolution = { value, variation, reason };
  if (variation === undefined) delete result.variation;
  if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
  if (errorCode !== undefined) result.errorCode = errorCode;
  return Object.freeze(result);
}

/** Freezes a variation value all the way down, so a caller mutating it cannot change later answers. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
