/**
 * The evaluation loop of SPEC section 2, on prepared flags. Every answer is a Resolution built at
 * load, so the common path allocates nothing. Exceptions (throwing getters, proxies) are caught
 * once, by the caller of {@link resolveFlag}, not per condition.
 */
import { bucketKey, readAttribute } from './attribute.js';
import { bucketFor } from './bucket.js';
import type { PreparedFlag, PreparedPrerequisite, PreparedSegment, PreparedServe } from './model.js';
import { ALL, ANY, type Condition, SEGMENT, testAttribute } from './operators.js';
import type { Resolution } from './types.js';

/** Lint allows a depth of 2; this only stops a malformed bundle's cycle. */
const MAX_PREREQUISITE_DEPTH = 8;

/**
 * Variation index of the last result {@link resolveFlag} returned, for counters. Results are
 * shared between flags, so the index travels beside them; evaluation is synchronous, and the
 * value is read right after the call that set it.
 */
let served = 0;

export function lastServed(): number {
  return served;
}

export function resolveFlag(flag: PreparedFlag, context: object, depth: number): Resolution {
  const gate = flag.prerequisites;
  if (gate != null && !prerequisitesHold(gate.required, context, depth)) {
    served = gate.kill;
    return gate.failed;
  }
  for (let rule = flag.rules; rule !== null; rule = rule.next) {
    if (holds(rule, context)) return serve(rule.serve, context);
  }
  return serve(flag.fallback, context);
}

function prerequisitesHold(required: readonly PreparedPrerequisite[], context: object, depth: number): boolean {
  if (depth >= MAX_PREREQUISITE_DEPTH) return false;
  for (let i = 0; i < required.length; i++) {
    const { flag, variationName } = required[i]!;
    if (flag === null || resolveFlag(flag, context, depth + 1).variation !== variationName) return false;
  }
  return true;
}

export function serve(target: PreparedServe, context: object): Resolution {
  const steps = target.steps;
  served = target.index;
  if (target.by === null) return steps[0] as Resolution;
  const key = bucketKey(readAttribute(context, target.by));
  if (key === '') return target.missing!;
  const bucket = bucketFor(target, key);
  const last = steps.length - 1;
  for (let i = 0; i < last; i += 2) {
    if (bucket < (steps[i] as number)) {
      served = i >> 1;
      return steps[i + 1] as Resolution;
    }
  }
  return steps[last] as Resolution;
}

export function holds(c: Condition, context: object): boolean {
  switch (c.op) {
    case ALL: {
      const all = c.operand as readonly Condition[];
      for (let i = 0; i < all.length; i++) if (!holds(all[i]!, context)) return false;
      return true;
    }
    case ANY: {
      const any = c.operand as readonly Condition[];
      for (let i = 0; i < any.length; i++) if (holds(any[i]!, context)) return true;
      return false;
    }
    case SEGMENT: return inSegment(c.operand as PreparedSegment, context);
    default: return testAttribute(c, readAttribute(context, c.path));
  }
}

/**
 * Exclude wins, then include, then `when`. The lists hold strings; a number is looked up by its
 * decimal string, the same text a rollout hashes, so numeric ids can be listed.
 */
function inSegment(segment: PreparedSegment, context: object): boolean {
  const id = bucketKey(readAttribute(context, segment.path));
  if (segment.exclude !== null && segment.exclude.has(id)) return false;
  if (segment.include !== null && segment.include.has(id)) return true;
  return segment.when !== null && holds(segment.when, context);
}
