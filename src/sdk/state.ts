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
  /** Who an evaluation of `flag` is about, for exposures (see {@link readContextKey}). */
  contextKey(flag: string, context: Context): string | undefined;
}

export function loadBundle(payload: BundlePayload, digest: string, keyid: string, fromCache: boolean, now: number): LoadedBundle {
  // Attribute paths are split once here, not per evaluation.
  const readers = new Map<string, string[][]>();
  for (const [key, flag] of Object.entries(payload.flags)) {
    const by = splitAttribute(flag);
    if (by !== undefined) readers.set(key, [by.split('.'), ...FALLBACK_PATHS]);
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
    contextKey: (flag, context) => readContextKey(context, readers.get(flag) ?? FALLBACK_PATHS),
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

const FALLBACK_PATHS = [['targetingKey'], ['userId'], ['key']];

/**
 * Who an exposure is about: the flag's bucketBy attribute, else `targetingKey`, `userId` or `key`
 * (first non-empty string or finite number). Dotted paths reach into nested objects.
 */
export function readContextKey(context: Context, paths: string[][]): string | undefined {
  for (const path of paths) {
    let value: unknown = context;
    for (const part of path) {
      value = typeof value === 'object' && value !== null && Object.hasOwn(value, part) ? (value as Record<string, unknown>)[part] : undefined;
    }
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}
