import type { BundlePayload, CompiledFlag, CompiledRule, CompiledServe } from '../bundle/types.js';
import { prepareSalt } from './bucket.js';
import { Interner } from './intern.js';
import { type PreparedBundle, type PreparedFlag, PreparedRule, PreparedServe, type VariationSet } from './model.js';
import { ConditionTable } from './prepare-conditions.js';
import { deepFreeze, ResultPool } from './results.js';
import type { Resolution } from './types.js';

/** What preparing one flag needs: its compiled form, frozen values, and the shared tables. */
interface FlagInput {
  readonly flag: CompiledFlag;
  readonly values: readonly unknown[];
  /** `variations.names`, at hand. */
  readonly names: readonly string[];
  readonly variations: VariationSet;
  readonly key: string;
  readonly conditions: ConditionTable;
  readonly pool: ResultPool;
  readonly intern: Interner;
}

/** Prepares every flag of a bundle: conditions, salts, bucket bounds and all the results it can serve. */
export function prepareBundle(payload: BundlePayload): PreparedBundle {
  const intern = new Interner();
  const pool = new ResultPool(intern);
  const conditions = new ConditionTable(payload.segments ?? {}, intern);
  const index = new Map<string, number>();
  const flags: PreparedFlag[] = [];
  for (const [key, flag] of Object.entries(payload.flags ?? {})) {
    index.set(key, flags.length);
    const variations = variationSet(flag, intern);
    flags.push(prepareFlag({ flag, key, values: flag.values.map(deepFreeze), names: variations.names, variations, conditions, pool, intern }));
  }
  for (const [key, flag] of Object.entries(payload.flags ?? {})) {
    if (flag.killed === true || flag.prerequisites === undefined || flag.prerequisites.length === 0) continue;
    const prepared = flags[index.get(key) as number] as PreparedFlag;
    const required = flag.prerequisites.map(({ flag: name, variation }) => {
      const at = index.get(name);
      return at === undefined ? { flag: null, variationName: undefined } : { flag: flags[at] as PreparedFlag, variationName: payload.flags[name]?.names[variation] };
    });
    prepared.prerequisites = { required, failed: pool.get(prepared.safe.value, prepared.safe.variation, 'PREREQUISITE_FAILED'), kill: flag.kill };
  }
  return { index, flags };
}

function variationSet(flag: CompiledFlag, intern: Interner): VariationSet {
  return intern.get(`n${flag.type}${JSON.stringify(flag.names)}`, () => ({ names: Object.freeze(flag.names.map((name) => intern.string(name))), type: flag.type }));
}

/** Flags without prerequisites are shared when equal: the key is not part of a prepared flag. */
function prepareFlag(input: FlagInput): PreparedFlag {
  const { flag, values, names, variations, pool, intern } = input;
  const kill = flag.kill;
  const killed = flag.killed === true;
  const safe = pool.get(values[kill], names[kill], killed ? 'KILLED' : 'SPLIT');
  const rules = killed ? null : prepareRules(input, flag.rules, 0);
  const fallback = killed ? pool.fixedServe(safe, kill) : prepareServe(input, flag.default, undefined);
  if (!killed && flag.prerequisites !== undefined && flag.prerequisites.length > 0) return { variations, safe, rules, fallback, prerequisites: null };
  const id = `f${intern.idOf(variations)}|${intern.idOf(safe)}|${intern.idOf(rules)}|${intern.idOf(fallback)}`;
  return intern.get(id, (): PreparedFlag => ({ variations, safe, rules, fallback }));
}

/** The rules from `from` on, as a list whose equal tails are shared. */
function prepareRules(input: FlagInput, rules: readonly CompiledRule[], from: number): PreparedRule | null {
  const rule = rules[from];
  if (rule === undefined) return null;
  const { intern, conditions } = input;
  const next = prepareRules(input, rules, from + 1);
  const when = conditions.when(rule.when);
  const serve = prepareServe(input, rule.serve, from);
  const name = intern.string(rule.name);
  const id = `u${intern.idOf(when)}|${intern.idOf(serve)}|${intern.idOf(next)}|${name === undefined ? '' : JSON.stringify(name)}`;
  return intern.get(id, () => new PreparedRule(when, serve, name, next));
}

function prepareServe(input: FlagInput, serve: CompiledServe, ruleIndex: number | undefined): PreparedServe {
  const { flag, values, names, pool, intern, conditions } = input;
  const kill = flag.kill;
  if ('v' in serve) {
    const reason = ruleIndex === undefined ? 'DEFAULT' : 'TARGETING_MATCH';
    return pool.fixedServe(pool.get(values[serve.v], names[serve.v], reason, ruleIndex), serve.v);
  }
  const steps: (number | Resolution)[] = [];
  serve.split.forEach((bound, i) => steps.push(bound, pool.get(values[i], names[i], 'SPLIT', ruleIndex)));
  steps.push(pool.get(values[kill], names[kill], 'SPLIT', ruleIndex));
  // slice(): exactly as long as needed (a pushed-to array keeps spare capacity).
  const sharedSteps = intern.get(`t${steps.map((s) => (typeof s === 'number' ? s : `#${intern.idOf(s)}`)).join(',')}`, () => Object.freeze(steps.slice()));
  // A rule's rollout keeps its ruleIndex, so `explain` can still say which rule matched.
  const missing = pool.get(values[kill], names[kill], 'DEFAULT', ruleIndex, 'TARGETING_KEY_MISSING');
  const salt = prepareSalt(flag.salt ?? input.key);
  return new PreparedServe(kill, sharedSteps, conditions.path(serve.by), missing, salt.h, salt.tail, salt.len);
}
