import { BUCKETS, type CompiledFlag, type CompiledServe } from '../../sdk/bundle/types.js';
import { formatPercent, unitOf } from '../edit/words.js';

/** The serve everyone no rule matches gets: the default, or the kill variation when killed. */
function effectiveDefault(flag: CompiledFlag): CompiledServe {
  return flag.killed ? { v: flag.kill } : flag.default;
}

function variationAt(flag: CompiledFlag, serve: CompiledServe, bucket: number): string {
  if ('v' in serve) return flag.names[serve.v] ?? '?';
  const index = serve.split.findIndex((bound) => bucket < bound);
  return flag.names[index === -1 ? flag.kill : index] ?? '?';
}

/**
 * Without a population: which share of the bucket space moves, and where to, for contexts that
 * reach the default. Exact, from the compiled bucket bounds of both sides.
 */
export function describeBucketShare(before: CompiledFlag, after: CompiledFlag): string | undefined {
  const from = effectiveDefault(before), to = effectiveDefault(after);
  if (JSON.stringify(from) === JSON.stringify(to) && JSON.stringify(before.names) === JSON.stringify(after.names)) return undefined;
  const byFrom = 'by' in from ? from.by : undefined, byTo = 'by' in to ? to.by : undefined;
  if (byFrom && byTo && byFrom !== byTo) return `the rollout now buckets by ${byTo} instead of ${byFrom}: everyone is bucketed afresh`;
  const bounds = [...new Set([0, BUCKETS, ...('split' in from ? from.split : []), ...('split' in to ? to.split : [])])].sort((a, b) => a - b);
  const moves = new Map<string, number>();
  for (let i = 0; i + 1 < bounds.length; i++) {
    const lo = bounds[i]!, size = bounds[i + 1]! - lo;
    const a = variationAt(before, from, lo), b = variationAt(after, to, lo);
    if (a !== b && size > 0) moves.set(`${a}\u0000${b}`, (moves.get(`${a}\u0000${b}`) ?? 0) + size);
  }
  if (moves.size === 0) return undefined;
  const by = byTo ?? byFrom;
  const who = by ? `${unitOf(by)} (bucketed by ${by})` : 'contexts';
  const scope = after.rules.length > 0 ? ', among those no rule matches' : '';
  const parts = [...moves].map(([pair, size]) => {
    const [a, b] = pair.split('\u0000');
    return size === BUCKETS ? `all ${who} move from ${a} to ${b}` : `${formatPercent(size / 1000)} of ${who} move from ${a} to ${b}`;
  });
  return `${parts.join('; ')}${scope}`;
}
