import { describeServe } from './edit/words.js';
import type { JsonValue, RuleDoc, SegmentDoc, WhenDoc } from './types.js';

/**
 * Changes of conditions and rules in words ("now also matches country = CA"), for the semantic
 * diff. Conditions are compared per attribute and operator; list operators per value.
 */

type Conditions = Map<string, { attr: string; op: string; value: unknown }>;

const LIST_WORDS: Record<string, { add: string; drop: string }> = {
  in: { add: 'now also matches', drop: 'no longer matches' },
  notIn: { add: 'now also excludes', drop: 'no longer excludes' },
};

/** `a` → flattened `attr op` entries; `any` kept whole (compared as one value). */
function flatten(when: WhenDoc | undefined): Conditions {
  const out: Conditions = new Map();
  if (!when || typeof when !== 'object') return out;
  for (const [attr, condition] of Object.entries(when)) {
    if (attr === 'any') {
      out.set('any', { attr: 'any', op: 'any', value: condition });
      continue;
    }
    if (!condition || typeof condition !== 'object' || Array.isArray(condition)) continue;
    for (const [op, value] of Object.entries(condition)) out.set(`${attr}\u0000${op}`, { attr, op, value });
  }
  return out;
}

/** Phrases for what changed between two `when`s, e.g. `now also matches country = CA`. */
export function describeWhenChange(before: WhenDoc | undefined, after: WhenDoc | undefined): string[] {
  const b = flatten(before), a = flatten(after);
  const phrases: string[] = [];
  for (const [id, now] of a) {
    const was = b.get(id);
    if (was === undefined) phrases.push(`now requires ${condition(now.attr, now.op, now.value)}`);
    else if (!same(was.value, now.value)) phrases.push(...describeValueChange(now.attr, now.op, was.value, now.value));
  }
  for (const [id, was] of b) if (!a.has(id)) phrases.push(`no longer requires ${condition(was.attr, was.op, was.value)}`);
  return phrases;
}

function describeValueChange(attr: string, op: string, was: unknown, now: unknown): string[] {
  const words = LIST_WORDS[op];
  if (attr === 'any') return ['its `any` alternatives changed'];
  if (!words || !Array.isArray(was) || !Array.isArray(now)) return [`now requires ${condition(attr, op, now)} (was ${show(was)})`];
  const added = now.filter((v) => !was.some((w) => same(v, w)));
  const dropped = was.filter((w) => !now.some((v) => same(v, w)));
  return [
    ...(added.length > 0 ? [`${words.add} ${listed(attr, added)}`] : []),
    ...(dropped.length > 0 ? [`${words.drop} ${listed(attr, dropped)}`] : []),
  ];
}

/** `country = CA` for one value, `country in CA, MX` for several. */
function listed(attr: string, values: unknown[]): string {
  return values.length === 1 ? `${attr} = ${show(values[0])}` : `${attr} in ${values.map(show).join(', ')}`;
}

function condition(attr: string, op: string, value: unknown): string {
  if (attr === 'any') return 'one of several alternatives';
  if (op === 'eq') return `${attr} = ${show(value)}`;
  if (op === 'exists') return value === false ? `${attr} to be absent` : `${attr} to be present`;
  return `${attr} ${op} ${show(value)}`;
}

/** Phrases for what changed in a rule that kept its identity (name, or position when unnamed). */
export function describeRuleChange(before: RuleDoc, after: RuleDoc): string[] {
  const phrases = describeWhenChange(before.when, after.when);
  if (before.segment !== after.segment) {
    if (!after.segment) phrases.push(`no longer requires segment ${before.segment}`);
    else phrases.push(before.segment ? `now uses segment ${after.segment} (was ${before.segment})` : `now also requires segment ${after.segment}`);
  }
  if (!same(before.serve, after.serve)) phrases.push(`now serves ${describeServe(after.serve)} (was ${describeServe(before.serve)})`);
  if (phrases.length === 0 && before.name !== after.name) phrases.push(`renamed to "${after.name ?? ''}"`);
  return phrases;
}

/** Phrases for a segment's membership change. */
export function describeSegmentChange(before: SegmentDoc, after: SegmentDoc): string[] {
  const attr = after.attribute ?? before.attribute ?? 'the bucketBy attribute';
  const phrases: string[] = [];
  const listChange = (was: string[] | undefined, now: string[] | undefined, add: string, drop: string) => {
    const added = (now ?? []).filter((v) => !(was ?? []).includes(v));
    const dropped = (was ?? []).filter((v) => !(now ?? []).includes(v));
    if (added.length > 0) phrases.push(`${add} ${listed(attr, added)}`);
    if (dropped.length > 0) phrases.push(`${drop} ${listed(attr, dropped)}`);
  };
  if (before.attribute !== after.attribute) phrases.push(`lists values of ${after.attribute ?? 'the bucketBy attribute'} (was ${before.attribute ?? 'the bucketBy attribute'})`);
  listChange(before.include, after.include, 'now includes', 'no longer includes');
  listChange(before.exclude, after.exclude, 'now excludes', 'no longer excludes');
  phrases.push(...describeWhenChange(before.when, after.when));
  return phrases;
}

function show(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return typeof value === 'string' ? value : JSON.stringify(value as JsonValue);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
