/**
 * The evaluation loop of SPEC section 2, on prepared flags. Every answer is a Resolution built at
 * load, so the common path allocates nothing. Exceptions (throwing getters, proxies) are caught
 * once, by the caller of {@link resolveFlag}, not per condition.
 */
import { bucketKey, readAttribute } from './attribute.js';
import { bucketFor } from './bucket.js';
import type { PreparedFlag, PreparedSegment, PreparedServe } from './model.js';
import { ANY, type Condition, SEGMENT, testAttribute } from './operators.js';
import type { Resolution } from './types.js';

/** Lint allows a depth of 2; this only stops a malformed bundle's cycle. */
const MAX_PREREQUISITE_DEPTH = 8;

export function resolveFlag(flag: PreparedFlag, context: object, depth: number): Resolution {
  if (flag.killed) return flag.killedResult;
  if (flag.prerequisites !== null && !prerequisitesHold(flag, context, depth)) return flag.prerequisiteResult;
  const rules = flag.rules;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (allHold(rule.when, context)) return serve(rule.serve, flag, context);
  }
  return serve(flag.fallback, flag, context);
}

function prerequisitesHold(flag: PreparedFlag, context: object, depth: number): boolean {
  if (depth >= MAX_PREREQUISITE_DEPTH) return false;
  const prerequisites = flag.prerequisites!;
  for (let i = 0; i < prerequisites.length; i++) {
    const { flag: required, variationName } = prerequisites[i]!;
    if (required === null || resolveFlag(required, context, depth + 1).variation !== variationName) return false;
  }
  return true;
}

export function serve(target: PreparedServe, flag: PreparedFlag, context: object): Resolution {
  if (target.fixed !== null) return target.fixed;
  const key = bucketKey(readAttribute(context, target.by!));
  if (key === '') return target.missing!;
  const bucket = bucketFor(flag.salt, key);
  const split = target.split;
  for (let i = 0; i < split.length; i++) if (bucket < split[i]!) return target.results[i]!;
  return target.remainder!;
}

export function allHold(conditions: readonly Condition[], context: object): boolean {
  for (let i = 0; i < conditions.length; i++) if (!holds(conditions[i]!, context)) return false;
  return true;
}

function holds(c: Condition, context: object): boolean {
  if (c.op === ANY) {
    const groups = c.groups!;
    for (let i = 0; i < groups.length; i++) if (allHold(groups[i]!, context)) return true;
    return false;
  }
  if (c.op === SEGMENT) return inSegment(c.segment!, context);
  return testAttribute(c, readAttribute(context, c.path));
}

/** Exclude wins, then include, then `when`. */
function inSegment(segment: PreparedSegment, context: object): boolean {
  const value = readAttribute(context, segment.path);
  if (segment.exclude !== null && segment.exclude.has(value)) return false;
  if (segment.include !== null && segment.include.has(value)) return true;
  return segment.when !== null && allHold(segment.when, context);
}
