import { canonicalJson } from './bundle/index.js';
import type { BundlePayload, CompiledFlag, Expr } from './bundle/types.js';
import { murmur3 } from './evaluate/index.js';

/**
 * What a served bundle remembers of its definitions to tell which flags the next bundle changes:
 * a 64-bit fingerprint of each flag's and segment's canonical JSON, instead of the JSON itself.
 */
export interface Fingerprints {
  /** Flag i's fingerprint (bundle order) is `flags[2i]`, `flags[2i + 1]`. */
  readonly flags: Uint32Array;
  readonly segments: ReadonlyMap<string, string>;
}

/** A bundle's flag keys in bundle order (`Object.keys(payload.flags)`, `evaluator.keys()`) and their fingerprints. */
export interface Definitions {
  readonly keys: readonly string[];
  readonly prints: Fingerprints;
}

/** Two murmur3 hashes with different seeds: a 64-bit fingerprint; a collision is a 1-in-2^64 event. */
function hash64(value: unknown): [number, number] {
  const text = canonicalJson(value);
  return [murmur3(text, 0x9747b28c), murmur3(text, 0x5bd1e995)];
}

export function fingerprint(payload: BundlePayload): Fingerprints {
  const keys = Object.keys(payload.flags);
  const flags = new Uint32Array(keys.length * 2);
  keys.forEach((key, i) => flags.set(hash64(payload.flags[key]), i * 2));
  const segments = new Map(Object.entries(payload.segments ?? {}).map(([key, segment]) => [key, hash64(segment).join(':')]));
  return { flags, segments };
}

/**
 * Keys whose outcome may differ between two bundles: the flag's compiled definition changed, or a
 * segment or prerequisite it depends on did.
 */
export function changedFlags(previous: Definitions | undefined, next: Fingerprints, payload: BundlePayload): string[] {
  const old = previous?.prints;
  const changedSegments = new Set<string>();
  for (const key of new Set([...(old?.segments.keys() ?? []), ...next.segments.keys()])) {
    if (old?.segments.get(key) !== next.segments.get(key)) changedSegments.add(key);
  }
  const before = new Map(previous?.keys.map((key, i) => [key, i]));
  const changed = new Set<string>(before.keys());
  Object.keys(payload.flags).forEach((key, i) => {
    const at = before.get(key);
    const same = at !== undefined && old!.flags[at * 2] === next.flags[i * 2] && old!.flags[at * 2 + 1] === next.flags[i * 2 + 1];
    const flag = payload.flags[key] as CompiledFlag;
    if (same && !segmentsOf(flag).some((s) => changedSegments.has(s))) changed.delete(key);
    else changed.add(key);
  });
  // Prerequisites nest at most two deep; repeat until nothing new is added.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [key, flag] of Object.entries(payload.flags)) {
      if (!changed.has(key) && flag.prerequisites?.some((p) => changed.has(p.flag))) {
        changed.add(key);
        grew = true;
      }
    }
  }
  return [...changed].sort();
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
