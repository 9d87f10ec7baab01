import type { BundlePayload, CompiledFlag } from '../../sdk/bundle/types.js';
import { createEvaluator, type Evaluator } from '../../sdk/evaluate/index.js';
import type { Context } from '../../sdk/evaluate/types.js';
import { unitOf } from '../edit/words.js';
import { describeBucketShare } from './bucket-share.js';
import type { Impact } from './types.js';

export interface Sides {
  base: Record<string, BundlePayload>;
  head: Record<string, BundlePayload>;
}

const NONE = '(no flag)';

/** Evaluators built once per side and environment. */
export function evaluatorCache(sides: Sides): (side: keyof Sides, env: string) => Evaluator | undefined {
  const cache = new Map<string, Evaluator>();
  return (side, env) => {
    const payload = sides[side][env];
    if (!payload) return undefined;
    const id = `${side}:${env}`;
    if (!cache.has(id)) cache.set(id, createEvaluator(payload));
    return cache.get(id);
  };
}

/**
 * Who gets a different value, per environment: counted over the population when there is one,
 * else the share of buckets that move.
 */
export function blastRadius(
  key: string, oldKey: string, sides: Sides, population: Context[] | undefined, evaluator: ReturnType<typeof evaluatorCache>,
): Impact[] {
  const impacts: Impact[] = [];
  for (const env of Object.keys(sides.head)) {
    const before = sides.base[env]?.flags[oldKey], after = sides.head[env]?.flags[key];
    const base = evaluator('base', env), head = evaluator('head', env);
    if (population && base && head) {
      const impact = countMoves(key, oldKey, base, head, population, after ?? before);
      if (impact) impacts.push({ environment: env, ...impact });
    } else if (before && after) {
      const text = describeBucketShare(before, after);
      if (text) impacts.push({ environment: env, text });
    }
  }
  return impacts;
}

function countMoves(key: string, oldKey: string, base: Evaluator, head: Evaluator, population: Context[], flag: CompiledFlag | undefined): Omit<Impact, 'environment'> | undefined {
  const moves = new Map<string, number>();
  for (const context of population) {
    const from = base.variation(oldKey, context) ?? NONE, to = head.variation(key, context) ?? NONE;
    if (from !== to) moves.set(`${from}\u0000${to}`, (moves.get(`${from}\u0000${to}`) ?? 0) + 1);
  }
  if (moves.size === 0) return undefined;
  const list = [...moves].map(([pair, count]) => {
    const [from, to] = pair.split('\u0000') as [string, string];
    return { from, to, count };
  }).sort((a, b) => b.count - a.count);
  const moved = list.reduce((sum, m) => sum + m.count, 0);
  const total = population.length;
  const unit = unitFor(flag);
  const lead = `${fmt(moved)} of ${fmt(total)} ${unit} (${percent(moved, total)})`;
  const text = list.length === 1
    ? `${lead} move from ${list[0]!.from} to ${list[0]!.to}`
    : `${lead} get a different value: ${list.map((m) => `${fmt(m.count)} from ${m.from} to ${m.to}`).join(', ')}`;
  return { text, moved, total, moves: list };
}

/** `accounts` when the flag buckets by accountId; `contexts` otherwise. */
function unitFor(flag: CompiledFlag | undefined): string {
  const serve = flag?.default;
  return serve && 'by' in serve ? unitOf(serve.by) : 'contexts';
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function percent(part: number, total: number): string {
  return `${(Math.round((part / total) * 1000) / 10).toFixed(1)}%`;
}
