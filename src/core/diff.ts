import { describeRuleChange, describeSegmentChange } from './diff-conditions.js';
import { describeServe, formatPercent } from './edit/words.js';
import type { EnvironmentDoc, FlagDoc, JsonValue, RuleDoc, SegmentDoc } from './types.js';

/**
 * Semantic diff of two versions of a flag: what changed, in words. Detectors are small entries
 * in two registries (flag-level and per-environment); add one to teach the diff a new change.
 */

export type ChangeKind =
  | 'added' | 'removed' | 'killed' | 'unkilled' | 'rollout' | 'default'
  | 'rule-added' | 'rule-removed' | 'rule-changed' | 'variations' | 'kill-variation'
  | 'expires' | 'owner' | 'environment-added' | 'environment-removed' | 'prerequisites'
  | 'rule-moved' | 'segment';

export interface Change {
  /** Absent for changes of the flag as a whole. */
  environment?: string;
  kind: ChangeKind;
  /** In words, e.g. `production: rollout on 5% → 25%`. */
  text: string;
}

export interface FlagDetector {
  detect(before: FlagDoc, after: FlagDoc): Change[];
}

export interface EnvironmentDetector {
  detect(env: string, before: EnvironmentDoc, after: EnvironmentDoc): Change[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function field(kind: ChangeKind, name: keyof FlagDoc): FlagDetector {
  return {
    detect: (b, a) => (same(b[name], a[name]) ? [] : [{ kind, text: `${name}: ${show(b[name])} → ${show(a[name])}` }]),
  };
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const DEFAULT_VARIATIONS: Record<string, JsonValue> = { on: true, off: false };

/** Variations compared as served (absent = on/off); order matters, it decides bucket ranges. */
const variations: FlagDetector = {
  detect(b, a) {
    const before = b.variations ?? DEFAULT_VARIATIONS, after = a.variations ?? DEFAULT_VARIATIONS;
    const texts: string[] = [];
    for (const [name, value] of Object.entries(after)) {
      if (!(name in before)) texts.push(`variation "${name}" added (${show(value)})`);
      else if (!same(before[name], value)) texts.push(`variation "${name}" value ${show(before[name])} → ${show(value)}`);
    }
    for (const name of Object.keys(before)) if (!(name in after)) texts.push(`variation "${name}" removed`);
    const kept = (list: Record<string, JsonValue>, other: Record<string, JsonValue>) => Object.keys(list).filter((n) => n in other);
    const order = kept(before, after), now = kept(after, before);
    if (!same(order, now)) texts.push(`variations reordered: ${order.join(', ')} → ${now.join(', ')} (rollout bucket ranges follow the declared order)`);
    return texts.map((text) => ({ kind: 'variations' as const, text }));
  },
};

export const flagDetectors: FlagDetector[] = [
  field('owner', 'owner'),
  field('expires', 'expires'),
  variations,
  field('kill-variation', 'killVariation'),
];

const killSwitch: EnvironmentDetector = {
  detect(env, b, a) {
    if (Boolean(b.killed) === Boolean(a.killed)) return [];
    if (a.killed) return [{ environment: env, kind: 'killed', text: `${env}: killed${a.killReason ? ` — ${a.killReason}` : ''}` }];
    return [{ environment: env, kind: 'unkilled', text: `${env}: unkilled` }];
  },
};

const defaultServe: EnvironmentDetector = {
  detect(env, b, a) {
    if (same(b.default, a.default)) return [];
    const from = b.default, to = a.default;
    if (typeof from === 'object' && typeof to === 'object' && from && to && from.bucketBy === to.bucketBy) {
      const names = [...new Set([...Object.keys(from.rollout ?? {}), ...Object.keys(to.rollout ?? {})])];
      return names
        .filter((n) => (from.rollout?.[n] ?? 0) !== (to.rollout?.[n] ?? 0))
        .map((n) => ({
          environment: env,
          kind: 'rollout' as const,
          text: `${env}: rollout ${n} ${formatPercent(from.rollout?.[n] ?? 0)} → ${formatPercent(to.rollout?.[n] ?? 0)}`,
        }));
    }
    return [{ environment: env, kind: 'default', text: `${env}: default ${describeServe(from)} → ${describeServe(to)}` }];
  },
};

const rules: EnvironmentDetector = {
  detect(env, b, a) {
    const before = keyed(b.rules ?? []), after = keyed(a.rules ?? []);
    const changes: Change[] = [];
    for (const [id, rule] of after) {
      const old = before.get(id);
      if (!old) changes.push({ environment: env, kind: 'rule-added', text: `${env}: rule ${id} added (serves ${describeServe(rule.serve)})` });
      else if (!same(old, rule)) changes.push({ environment: env, kind: 'rule-changed', text: `${env}: rule ${id} ${describeRuleChange(old, rule).join('; ') || 'changed'}` });
    }
    for (const id of before.keys()) {
      if (!after.has(id)) changes.push({ environment: env, kind: 'rule-removed', text: `${env}: rule ${id} removed` });
    }
    return [...changes, ...moves(env, [...before.keys()], [...after.keys()])];
  },
};

/** Rules kept on both sides whose relative order changed: first match wins, so order is behaviour. */
function moves(env: string, before: string[], after: string[]): Change[] {
  const common = before.filter((id) => after.includes(id));
  const now = after.filter((id) => before.includes(id));
  if (same(common, now)) return [];
  return now
    .filter((id, i) => common[i] !== id)
    .map((id) => ({
      environment: env,
      kind: 'rule-moved' as const,
      text: `${env}: rule ${id} moved from position ${before.indexOf(id) + 1} to ${after.indexOf(id) + 1}`,
    }));
}

/** Rules are matched by name, unnamed ones by position. */
function keyed(list: RuleDoc[]): Map<string, RuleDoc> {
  return new Map(list.map((rule, i) => [rule.name ? `"${rule.name}"` : `#${i + 1}`, rule]));
}

const prerequisites: EnvironmentDetector = {
  detect: (env, b, a) => (same(b.prerequisites ?? [], a.prerequisites ?? [])
    ? []
    : [{ environment: env, kind: 'prerequisites', text: `${env}: prerequisites ${show(b.prerequisites ?? [])} → ${show(a.prerequisites ?? [])}` }]),
};

export const environmentDetectors: EnvironmentDetector[] = [killSwitch, defaultServe, rules, prerequisites];

/** What changed in a segment, in words; every flag naming it changes with it. */
export function diffSegment(before: SegmentDoc | undefined, after: SegmentDoc | undefined): Change[] {
  if (!before && !after) return [];
  if (!before) return [{ kind: 'added', text: 'segment created' }];
  if (!after) return [{ kind: 'removed', text: 'segment removed' }];
  return describeSegmentChange(before, after).map((text) => ({ kind: 'segment' as const, text }));
}

/** What changed between two versions of a flag; `undefined` on one side means added or removed. */
export function diffFlag(before: FlagDoc | undefined, after: FlagDoc | undefined): Change[] {
  if (!before && !after) return [];
  if (!before) return [{ kind: 'added', text: `created (${after!.kind ?? 'flag'}${after!.owner ? `, owner ${after!.owner}` : ''})` }];
  if (!after) return [{ kind: 'removed', text: 'removed' }];
  const changes = flagDetectors.flatMap((d) => d.detect(before, after));
  const envs = [...new Set([...Object.keys(before.environments ?? {}), ...Object.keys(after.environments ?? {})])];
  for (const env of envs) {
    const b = before.environments?.[env], a = after.environments?.[env];
    if (!b) changes.push({ environment: env, kind: 'environment-added', text: `${env}: added, default ${describeServe(a?.default)}` });
    else if (!a) changes.push({ environment: env, kind: 'environment-removed', text: `${env}: removed (serves the kill variation)` });
    else changes.push(...environmentDetectors.flatMap((d) => d.detect(env, b, a)));
  }
  return changes;
}
