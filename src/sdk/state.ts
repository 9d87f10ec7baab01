import { canonicalJson } from './bundle/index.js';
import type { BundlePayload, CompiledFlag, CompiledServe, Expr } from './bundle/types.js';
import { createEvaluator, type Evaluator } from './evaluate/index.js';
import type { Context } from './evaluate/types.js';

/** A verified bundle ready to evaluate; replaced whole, never mutated. */
export interface LoadedBundle {
  payload: BundlePayload;
  evaluator: Evaluator;
  digest: string;
  keyid: string;
  fromCache: boolean;
  receivedAt: number;
  expiresAtMs: number;
  /** flag → the attribute its rollouts bucket by (the exposure's context key), if any. */
  bucketBy: Map<string, string>;
}

export function loadBundle(payload: BundlePayload, digest: string, keyid: string, fromCache: boolean, now: number): LoadedBundle {
  const bucketBy = new Map<string, string>();
  for (const [key, flag] of Object.entries(payload.flags)) {
    const by = splitAttribute(flag);
    if (by !== undefined) bucketBy.set(key, by);
  }
  const expires = Date.parse(payload.expiresAt);
  return {
    payload,
    evaluator: createEvaluator(payload),
    digest,
    keyid,
    fromCache,
    receivedAt: now,
    expiresAtMs: Number.isFinite(expires) ? expires : -Infinity,
    bucketBy,
  };
}

function splitAttribute(flag: CompiledFlag): string | undefined {
  const serves: CompiledServe[] = [...flag.rules.map((r) => r.serve), flag.default];
  for (const serve of serves) if ('split' in serve) return serve.by;
  return undefined;
}

/**
 * Keys whose outcome may differ between two bundles: the flag's compiled definition changed, or a
 * segment or prerequisite it depends on did.
 */
export function changedFlags(previous: BundlePayload | undefined, next: BundlePayload): string[] {
  const before = previous?.flags ?? {};
  const changedSegments = new Set<string>();
  for (const key of new Set([...Object.keys(previous?.segments ?? {}), ...Object.keys(next.segments)])) {
    if (!sameJson(previous?.segments[key], next.segments[key])) changedSegments.add(key);
  }
  const changed = new Set<string>();
  for (const key of new Set([...Object.keys(before), ...Object.keys(next.flags)])) {
    const flag = next.flags[key];
    if (!sameJson(before[key], flag) || (flag && segmentsOf(flag).some((s) => changedSegments.has(s)))) changed.add(key);
  }
  // Prerequisites nest at most two deep; repeat until nothing new is added.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [key, flag] of Object.entries(next.flags)) {
      if (!changed.has(key) && flag.prerequisites?.some((p) => changed.has(p.flag))) {
        changed.add(key);
        grew = true;
      }
    }
  }
  return [...changed].sort();
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

function segmentsOf(flag: CompiledFlag): string[] {
  const out: string[] = [];
  const visit = (exprs: Expr[]): void => {
    for (const e of exprs) {
      if ('segment' in e) out.push(e.segment);
      else if ('any' in e) for (const group of e.any) visit(group);
    }
  };
  for (const rule of flag.rules) visit(rule.when);
  return out;
}

/**
 * Who an exposure is about: the flag's bucketBy attribute, else `targetingKey`, `userId` or `key`.
 * Dotted paths reach into nested objects, as in evaluation.
 */
export function contextKeyOf(context: Context, bucketBy: string | undefined): string | undefined {
  const candidates = bucketBy === undefined ? FALLBACK_KEYS : [bucketBy, ...FALLBACK_KEYS];
  for (const attr of candidates) {
    const value = readPath(context, attr);
    if ((typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  }
  return undefined;
}

const FALLBACK_KEYS = ['targetingKey', 'userId', 'key'];

function readPath(context: Context, attr: string): unknown {
  if (typeof context !== 'object' || context === null) return undefined;
  let value: unknown = context;
  for (const part of attr.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
