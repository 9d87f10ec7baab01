import type { CompiledServe } from '../../sdk/bundle/types.js';
import type { Fail } from './fail.js';
import { isRecord } from './when.js';

/** What a serve needs to know about its flag. */
export interface ServeScope {
  names: string[];
  bucketBy: string;
  fail: Fail;
}

/**
 * A variation name → `{ v }`; a rollout → `{ split, by }` with cumulative bucket bounds in the
 * order the flag DECLARES its variations, so rewriting the rollout map never reshuffles users.
 */
export function compileServe(serve: unknown, path: (string | number)[], scope: ServeScope): CompiledServe {
  if (typeof serve === 'string') return { v: indexOf(serve, path, scope) };
  if (!isRecord(serve) || !isRecord(serve.rollout)) {
    return scope.fail(path, 'a serve must be a variation name or { rollout: { variation: percent } }');
  }
  const rollout = serve.rollout;
  for (const name of Object.keys(rollout)) indexOf(name, [...path, 'rollout', name], scope);
  let total = 0;
  const split = scope.names.map((name) => {
    const percent = rollout[name] ?? 0;
    if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0) {
      return scope.fail([...path, 'rollout', name], `the percentage of "${name}" must be a number from 0 to 100`);
    }
    // Percentages have at most 3 decimals, so ×1000 lands on whole buckets of 100000.
    total += Math.round(percent * 1000);
    return total;
  });
  if (total > 100_000) return scope.fail([...path, 'rollout'], `the rollout sums to ${total / 1000}%, more than 100`);
  const by = serve.bucketBy === undefined ? scope.bucketBy : serve.bucketBy;
  if (typeof by !== 'string' || by === '') return scope.fail([...path, 'bucketBy'], '`bucketBy` must name a context attribute');
  return { split, by };
}

function indexOf(name: string, path: (string | number)[], scope: ServeScope): number {
  const index = scope.names.indexOf(name);
  if (index < 0) return scope.fail(path, `unknown variation "${name}" (the flag has ${scope.names.join(', ')})`);
  return index;
}
