import { isMap, isScalar } from 'yaml';
import type { CompiledFlag, CompiledRule, Json, ValueType } from '../../sdk/bundle/types.js';
import type { ParsedFile } from '../parse.js';
import type { FlagDoc, JsonValue } from '../types.js';
import { failIn, type Fail } from './fail.js';
import { compileServe, type ServeScope } from './serve.js';
import { compileWhen, isRecord } from './when.js';

const DEFAULT_VARIATIONS: Record<string, JsonValue> = { on: true, off: false };

/** Variation names and values of a flag, in the order its file declares them. */
export interface Variations {
  names: string[];
  values: Json[];
}

export function variationsOf(parsed: ParsedFile<FlagDoc>): Variations {
  const declared = parsed.value?.variations;
  const map = isRecord(declared) ? declared : DEFAULT_VARIATIONS;
  // Object.keys would move integer-like names first; the YAML node keeps the written order.
  const node = declared === undefined ? undefined : parsed.doc.getIn(['variations'], true);
  const names = isMap(node) ? node.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key)) : Object.keys(map);
  return { names, values: names.map((name) => (map[name] ?? null) as Json) };
}

/** Compiles one flag file for one environment; `variationsByKey` resolves prerequisites. */
export function compileFlag(
  parsed: ParsedFile<FlagDoc>,
  key: string,
  environment: string,
  context: { bucketBy: string; variationsByKey: Map<string, Variations> },
): CompiledFlag {
  const fail = failIn(parsed);
  const doc = parsed.value as FlagDoc;
  const { names, values } = context.variationsByKey.get(key) ?? variationsOf(parsed);
  if (names.length === 0) return fail(['variations'], 'a flag needs at least one variation');
  const kill = killIndex(doc, names, fail);
  const base = { values, names, type: typeOf(values[0]), kill, salt: typeof doc.salt === 'string' ? doc.salt : key };
  const env = doc.environments?.[environment];
  if (env === undefined || env === null) return { ...base, rules: [], default: { v: kill } };
  const path = ['environments', environment];
  if (!isRecord(env)) return fail(path, `environment "${environment}" must be a map with a \`default\``);
  if (env.default === undefined) return fail(path, `environment "${environment}" needs a \`default\``);
  for (const list of ['rules', 'prerequisites'] as const) {
    if (env[list] !== undefined && !Array.isArray(env[list])) return fail([...path, list], `\`${list}\` must be a list`);
  }
  const scope: ServeScope = { names, bucketBy: context.bucketBy, fail };
  const rules = (env.rules ?? []).map((rule, i) => compileRule(rule, [...path, 'rules', i], scope));
  const flag: CompiledFlag = { ...base, rules, default: compileServe(env.default, [...path, 'default'], scope) };
  if (env.killed === true) flag.killed = true;
  if (env.killed === true && typeof env.killReason === 'string') flag.killReason = env.killReason;
  const prerequisites = (env.prerequisites ?? []).map((p, i) => {
    const index = context.variationsByKey.get(p?.flag)?.names.indexOf(p?.variation) ?? -1;
    if (index < 0) return fail([...path, 'prerequisites', i], `prerequisite ${p?.flag}=${p?.variation} names no known flag variation`);
    return { flag: p.flag, variation: index };
  });
  if (prerequisites.length > 0) flag.prerequisites = prerequisites;
  return flag;
}

function compileRule(rule: unknown, path: (string | number)[], scope: ServeScope): CompiledRule {
  if (!isRecord(rule)) return scope.fail(path, 'a rule must be a map with `when` or `segment`, and `serve`');
  const when = compileWhen(rule.when, [...path, 'when'], scope.fail);
  if (rule.segment !== undefined) {
    if (typeof rule.segment !== 'string') return scope.fail([...path, 'segment'], '`segment` must name a segment file');
    when.push({ segment: rule.segment });
  }
  const compiled: CompiledRule = { when, serve: compileServe(rule.serve, [...path, 'serve'], scope) };
  if (typeof rule.name === 'string') compiled.name = rule.name;
  return compiled;
}

function killIndex(doc: FlagDoc, names: string[], fail: Fail): number {
  if (doc.killVariation === undefined) return Math.max(0, names.indexOf('off'));
  const index = names.indexOf(doc.killVariation);
  if (index < 0) return fail(['killVariation'], `killVariation "${doc.killVariation}" is not one of ${names.join(', ')}`);
  return index;
}

function typeOf(value: Json | undefined): ValueType {
  const type = typeof value;
  return type === 'boolean' || type === 'string' || type === 'number' ? type : 'object';
}
