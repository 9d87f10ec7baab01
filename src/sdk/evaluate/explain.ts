import { bucketKey, readAttribute } from './attribute.js';
import { bucketFor } from './bucket.js';
import type { PreparedFlag, PreparedServe } from './model.js';
import type { Resolution } from './types.js';

/** A resolution with what `flags eval` shows: the rule that matched, the attribute hashed and the bucket. */
export interface Explanation extends Resolution {
  /** 0 … 99,999, when a rollout hashed the context. */
  bucket?: number;
  /** The attribute a rollout hashes, when the serve was a rollout. */
  bucketBy?: string;
  ruleName?: string;
}

/** Which serve produced `result`: the rule's at `ruleIndex`, the default's, or none (killed, prerequisites, errors). */
function serveOf(flag: PreparedFlag, result: Resolution): PreparedServe | undefined {
  if (result.ruleIndex !== undefined) return flag.rules[result.ruleIndex]?.serve;
  const fromDefault = result.reason === 'DEFAULT' || result.reason === 'SPLIT';
  return fromDefault ? flag.fallback : undefined;
}

export function explainResult(flag: PreparedFlag, result: Resolution, context: object): Explanation {
  const explanation: Explanation = { ...result };
  if (result.ruleIndex !== undefined) {
    const name = flag.rules[result.ruleIndex]?.name;
    if (name !== undefined) explanation.ruleName = name;
  }
  const target = serveOf(flag, result);
  if (target === undefined || target.by === null) return explanation;
  explanation.bucketBy = target.byName;
  const key = bucketKey(readAttribute(context, target.by));
  if (key !== '') explanation.bucket = bucketFor(flag.salt, key);
  return explanation;
}
