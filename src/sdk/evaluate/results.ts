import type { Interner } from './intern.js';
import { PreparedServe } from './model.js';
import type { ErrorCode, Reason, Resolution } from './types.js';

/**
 * Builds the frozen Resolution objects evaluation hands out, sharing identical ones: ten thousand
 * on/off flags need a few dozen result objects, not tens of thousands.
 */
export class ResultPool {
  constructor(private readonly intern: Interner) {}

  /** The serve that always answers `result` (variation `index`); shared by every flag serving it. */
  fixedServe(result: Resolution, index: number): PreparedServe {
    return this.intern.get(`s${this.intern.idOf(result)}:${index}`, () => new PreparedServe(index, Object.freeze([result])));
  }

  get(value: unknown, variation: string | undefined, reason: Reason, ruleIndex?: number, errorCode?: ErrorCode): Resolution {
    if (value !== null && typeof value === 'object') return build(value, variation, reason, ruleIndex, errorCode);
    const id = `r${reason}|${ruleIndex ?? ''}|${errorCode ?? ''}|${variation ?? ''}|${typeof value}|${String(value)}`;
    return this.intern.get(id, () => build(value, this.intern.string(variation), reason, ruleIndex, errorCode));
  }
}

/** Each shape as one literal: properties in-object, none added later (which would cost a backing store). */
function build(value: unknown, variation: string | undefined, reason: Reason, ruleIndex?: number, errorCode?: ErrorCode): Resolution {
  if (variation === undefined) {
    const bare: Resolution = { value, reason };
    if (ruleIndex !== undefined) bare.ruleIndex = ruleIndex;
    if (errorCode !== undefined) bare.errorCode = errorCode;
    return Object.freeze(bare);
  }
  if (ruleIndex === undefined) {
    return Object.freeze(errorCode === undefined ? { value, variation, reason } : { value, variation, reason, errorCode });
  }
  return Object.freeze(errorCode === undefined ? { value, variation, reason, ruleIndex } : { value, variation, reason, ruleIndex, errorCode });
}

/** Freezes a variation value all the way down, so a caller mutating it cannot change later answers. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
