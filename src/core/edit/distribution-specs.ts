import { isMap, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { DEFAULT_TOLERANCE } from '../spec-tests/run-distribution.js';
import type { JsonValue } from '../types.js';
import { holdsValue } from './flag-text.js';
import { renamePercents } from './percent-text.js';
import { formatShares, type Shares } from './shares.js';
import { findPair, insertPairAfter, replaceNode, setPair } from './splice.js';

/** Where a distribution of a spec file is: its `expect` key. */
export interface DistributionAt {
  file: string;
  line: number;
  col: number;
  /** The distribution's `name` as it was. */
  name: string;
}

export interface DistributionUpdate extends DistributionAt {
  /** The new name, when it quoted the old percentages. */
  renamed?: string;
  expectBefore: Shares;
  expectAfter: Shares;
}

export interface DistributionSkip extends DistributionAt {
  expect: Shares;
  tolerance: number;
  /** What the flag serves after the change. */
  serves: Shares;
  /** In words, for the ramp's output. */
  reason: string;
}

export interface SpecFileEdit {
  /** The new text; the input when nothing changed. */
  text: string;
  changed: DistributionUpdate[];
  /** Distributions of the flag that will fail after the change and were left as written. */
  skipped: DistributionSkip[];
}

export interface SpecEditOptions {
  /** The environment of specs that name none (the config's first); without it only specs naming `env` are considered. */
  defaultEnv?: string;
}

interface DistributionValue {
  name: string;
  flag: string;
  environment?: string;
  expect: Shares;
  tolerance?: number;
}

/**
 * Keeps the distribution specs of `flagKey` in `env` in step with a rollout change from
 * `before` to `after`: a distribution whose `expect` matches `before` within its tolerance gets
 * the new percentages (and a name quoting the old ones, the new ones); one that matches neither
 * was written that way on purpose and is reported in `skipped`. Only edited values' bytes change.
 */
export function updateDistributionSpecs(specText: string, file: string, flagKey: string, env: string, before: Shares, after: Shares, options: SpecEditOptions = {}): SpecFileEdit {
  const result: SpecFileEdit = { text: specText, changed: [], skipped: [] };
  let value = parseSpec(specText);
  if (!value) return result;
  const specEnv = typeof value.environment === 'string' ? value.environment : options.defaultEnv;
  const distributions = Array.isArray(value.distributions) ? value.distributions : [];
  for (const [i, raw] of distributions.entries()) {
    if (!isDistribution(raw) || raw.flag !== flagKey || (raw.environment ?? specEnv) !== env) continue;
    const tolerance = raw.tolerance ?? DEFAULT_TOLERANCE;
    const at = locateExpect(result.text, i, file, raw.name);
    const next = nextExpect(raw.expect, before, after, tolerance);
    if (next === 'current') continue;
    if (next === 'other') {
      const reason = `expects ${words(raw.expect, tolerance)}: not the old rollout (${formatShares(before)}), so it was left as written, and it will fail against the new one (${formatShares(after)})`;
      result.skipped.push({ ...at, expect: raw.expect, tolerance, serves: after, reason });
      continue;
    }
    if (sameShares(next, raw.expect)) continue;
    const renamed = renamePercents(raw.name, before, after);
    const text = tryEdit(() => editDistribution(result.text, i, raw.expect, next, Object.keys(after), (source) => renamePercents(source, before, after)));
    const expected: Record<string, JsonValue> = structuredClone(value);
    Object.assign((expected.distributions as JsonValue[])[i]!, { expect: next, name: renamed });
    if (text === undefined || !holdsValue(text, expected)) {
      result.skipped.push({ ...at, expect: raw.expect, tolerance, serves: after, reason: 'could not be edited safely in this YAML layout; update it by hand' });
      continue;
    }
    value = expected;
    result.text = text;
    result.changed.push({ ...at, ...(renamed !== raw.name ? { renamed } : {}), expectBefore: raw.expect, expectAfter: next });
  }
  return result;
}

/** The new `expect`, or why there is none: `current` (already the new state), `other` (neither). */
function nextExpect(expect: Shares, before: Shares, after: Shares, tolerance: number): Shares | 'current' | 'other' {
  const within = (shares: Shares) => Object.entries(expect).every(([name, pct]) => Math.abs(pct - (shares[name] ?? 0)) <= tolerance + 1e-9);
  if (!within(before)) return within(after) ? 'current' : 'other';
  const next: Shares = Object.fromEntries(Object.keys(expect).map((name) => [name, after[name] ?? 0]));
  // A spec that listed every variation served before keeps describing the whole split.
  const whole = Object.entries(before).every(([name, pct]) => pct === 0 || name in expect);
  if (!whole) return next;
  for (const [name, pct] of Object.entries(after)) if (pct > 0 && !(name in next)) next[name] = pct;
  return next;
}

function editDistribution(text: string, i: number, expect: Shares, next: Shares, order: string[], rename: (name: string) => string): string {
  let out = text;
  for (const [name, pct] of Object.entries(next)) {
    if (expect[name] === pct) continue;
    const map = nodesOf(out, i).expect;
    if (findPair(map, name)) out = setPair(out, map, name, String(pct));
    else out = insertPairAfter(out, map, precedingKey(map, order, name), name, String(pct));
  }
  const nameNode = findPair(nodesOf(out, i).map, 'name')?.value as Node | undefined;
  if (!nameNode?.range) return out;
  // Digits and `%` read the same in plain, quoted and block scalars: renaming the source keeps its style.
  const source = out.slice(nameNode.range[0], nameNode.range[1]);
  const renamed = rename(source);
  return renamed === source ? out : replaceNode(out, nameNode, renamed);
}

/** Splicing never guesses: a layout it cannot edit leaves the spec as written. */
function tryEdit(edit: () => string): string | undefined {
  try {
    return edit();
  } catch {
    return undefined;
  }
}

/** The nearest variation before `name` in declaration order that the map already holds. */
function precedingKey(map: YAMLMap, order: string[], name: string): string | undefined {
  return order.slice(0, Math.max(0, order.indexOf(name))).reverse().find((key) => findPair(map, key));
}

function nodesOf(text: string, i: number): { map: YAMLMap; expect: YAMLMap } {
  const doc = parseDocument(text);
  const seq = isMap(doc.contents) ? findPair(doc.contents, 'distributions')?.value : undefined;
  const map = isSeq(seq) ? seq.items[i] : undefined;
  const expect = isMap(map) ? findPair(map, 'expect')?.value : undefined;
  if (!isMap(map) || !isMap(expect)) throw new Error(`YAML edit: distribution ${i} lost its expect map`);
  return { map, expect };
}

function locateExpect(text: string, i: number, file: string, name: string): DistributionAt {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const seq = isMap(doc.contents) ? findPair(doc.contents, 'distributions')?.value : undefined;
  const map = isSeq(seq) ? seq.items[i] : undefined;
  const key = isMap(map) ? (findPair(map, 'expect')?.key as Node | undefined) : undefined;
  const at = lineCounter.linePos(key?.range?.[0] ?? 0);
  return { file, line: at.line, col: at.col, name };
}

function parseSpec(text: string): Record<string, JsonValue> | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, JsonValue>) : undefined;
}

function isDistribution(value: unknown): value is DistributionValue {
  if (!value || typeof value !== 'object') return false;
  const d = value as Record<string, unknown>;
  const expect = d.expect as Record<string, unknown> | undefined;
  return typeof d.name === 'string' && typeof d.flag === 'string' && (d.environment === undefined || typeof d.environment === 'string')
    && (d.tolerance === undefined || typeof d.tolerance === 'number')
    && !!expect && typeof expect === 'object' && !Array.isArray(expect) && Object.values(expect).every((p) => typeof p === 'number');
}

function sameShares(a: Shares, b: Shares): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

function words(expect: Shares, tolerance: number): string {
  return `${Object.entries(expect).map(([name, pct]) => `${name} ${pct}%`).join(', ')} ± ${tolerance}`;
}
