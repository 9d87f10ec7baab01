import type { BundlePayload, CompiledFlag, CompiledServe } from '../bundle/types.js';
import { splitPath } from './attribute.js';
import { prepareSalt } from './bucket.js';
import type { PreparedFlag, PreparedRule, PreparedServe } from './model.js';
import { prepareConditions, SegmentTable } from './prepare-conditions.js';
import { deepFreeze, ResultPool } from './results.js';

/** Prepares every flag of a bundle: conditions, salts, bucket bounds and all the results it can serve. */
export function prepareBundle(payload: BundlePayload): Map<string, PreparedFlag> {
  const pool = new ResultPool();
  const segments = new SegmentTable(payload.segments ?? {});
  const flags = new Map<string, PreparedFlag>();
  for (const [key, flag] of Object.entries(payload.flags ?? {})) flags.set(key, prepareFlag(key, flag, segments, pool));
  for (const [key, flag] of Object.entries(payload.flags ?? {})) {
    const prepared = flags.get(key) as PreparedFlag;
    if (flag.prerequisites === undefined || flag.prerequisites.length === 0) continue;
    prepared.prerequisites = flag.prerequisites.map(({ flag: name, variation }) => {
      const target = flags.get(name) ?? null;
      return { flag: target, variationName: target === null ? undefined : payload.flags[name]?.names[variation] };
    });
  }
  return flags;
}

function prepareFlag(key: string, flag: CompiledFlag, segments: SegmentTable, pool: ResultPool): PreparedFlag {
  const values = flag.values.map(deepFreeze);
  const safeVariation = flag.names[flag.kill];
  const safeValue = values[flag.kill];
  const rules: PreparedRule[] = flag.rules.map((rule, index) => ({
    when: prepareConditions(rule.when, segments),
    serve: prepareServe(rule.serve, flag, values, pool, index),
    name: rule.name,
  }));
  return {
    key,
    type: flag.type,
    killed: flag.killed === true,
    salt: prepareSalt(flag.salt ?? key),
    prerequisites: null,
    rules,
    fallback: prepareServe(flag.default, flag, values, pool, undefined),
    killedResult: pool.get(safeValue, safeVariation, 'KILLED'),
    prerequisiteResult: pool.get(safeValue, safeVariation, 'PREREQUISITE_FAILED'),
    safeValue,
    safeVariation,
  };
}

function prepareServe(serve: CompiledServe, flag: CompiledFlag, values: unknown[], pool: ResultPool, ruleIndex: number | undefined): PreparedServe {
  const kill = flag.kill;
  if ('v' in serve) {
    const reason = ruleIndex === undefined ? 'DEFAULT' : 'TARGETING_MATCH';
    return pool.fixedServe(pool.get(values[serve.v], flag.names[serve.v], reason, ruleIndex));
  }
  return {
    fixed: null,
    split: serve.split.slice(),
    results: serve.split.map((_, i) => pool.get(values[i], flag.names[i], 'SPLIT', ruleIndex)),
    remainder: pool.get(values[kill], flag.names[kill], 'SPLIT', ruleIndex),
    // A rule's rollout keeps its ruleIndex, so `explain` can still say which rule matched.
    missing: pool.get(values[kill], flag.names[kill], 'DEFAULT', ruleIndex, 'TARGETING_KEY_MISSING'),
    by: splitPath(serve.by),
    byName: serve.by,
  };
}
