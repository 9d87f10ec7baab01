import { bucketKey, readAttribute } from './attribute.js';
import { bucketFor } from './bucket.js';
import type { PreparedFlag, PreparedRule, PreparedServe } from './model.js';
import type { Resolution } from './types.js';

/** A resolution with what `flags eval` shows: the rule that matched, the attribute hashed and the bucket. */
export interface Explanation extends Resolution {
  /** 0 … 99,999, when a rollout hashed the context. */
  bucket?: number;
  /** The attribute a rollout hashes, when the serve was a rollout. */
  bucketBy?: string;
  ruleName?: string;
}

function ruleAt(flag: PreparedFlag, index: number): PreparedRule | undefined {
  let rule = flag.rules;
  for (let i = 0; i < index && rule !== null; i++) rule = rule.next;
  return rule ?? undefined;
}

/** Which serve produced `result`: the rule's at `ruleIndex`, the default's, or none (killed, prerequisites, errors). */
function serveOf(flag: PreparedFlag, result: Resolution): PreparedServe | undefined {
  if (result.ruleIndex !== undefined) return ruleAt(flag, result.ruleIndex)?.serve;
  const fromDefault = result.reason === 'DEFAULT' || result.reason === 'SPLIT';
  return fromDefault ? flag.fallback : undefined;
}

export function explainResult(flag: PreparedFlag, result: Resolution, context: object): Explanation {
  const explanation: Explanation = { ...result };
  if (result.ruleIndex !== undefined) {
    const name = ruleAt(flag, result.ruleIndex)?.name;
    if (name !== undefined) explanation.ruleName = name;
  }
  const target = serveOf(flag, result);
  if (target === undefined || target.by === null) return explanation;
  explanation.bucketBy = target.by.name;
  const key = bucketKey(readAttribute(context, target.by));
  if (key !== '') explanation.bucket = bucketFor(target, key);
  return explanation;
}

/** The attribute the flag's first rollout hashes (rules first, then the default), if any. */
export function bucketByOf(flag: PreparedFlag): string | undefined {
  for (let rule = flag.rules; rule !== null; rule = rule.next) if (rule.serve.by !== null) return rule.serve.by.name;
  return flag.fallback.by?.name;
}
