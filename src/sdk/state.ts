import type { BundlePayload } from './bundle/types.js';
import { fingerprint, type Fingerprints } from './changes.js';
import { createEvaluator, type Evaluator } from './evaluate/index.js';
import type { Context } from './evaluate/types.js';

/** What the client keeps of a payload besides its prepared flags. */
export type BundleInfo = Pick<BundlePayload, 'environment' | 'version' | 'issuedAt' | 'expiresAt' | 'source'>;

/**
 * A verified bundle ready to evaluate; replaced whole, never mutated. The parsed payload is not
 * kept: the evaluator holds the flags in prepared form, and fingerprints stand in for the
 * definitions when the next bundle is compared with this one.
 */
export interface LoadedBundle {
  info: BundleInfo;
  evaluator: Evaluator;
  fingerprints: Fingerprints;
  digest: string;
  keyid: string;
  fromCache: boolean;
  receivedAt: number;
  expiresAtMs: number;
  /** Who an evaluation of `flag` is about, for exposures (see {@link readContextKey}). */
  contextKey(flag: string, context: Context): string | undefined;
}

export function loadBundle(payload: BundlePayload, digest: string, keyid: string, fromCache: boolean, now: number): LoadedBundle {
  const { environment, version, issuedAt, expiresAt, source } = payload;
  const evaluator = createEvaluator(payload, { count: true });
  const expires = Date.parse(expiresAt);
  return {
    info: { environment, version, issuedAt, expiresAt, source },
    evaluator,
    fingerprints: fingerprint(payload),
    digest,
    keyid,
    fromCache,
    receivedAt: now,
    expiresAtMs: Number.isFinite(expires) ? expires : -Infinity,
    contextKey: contextKeyReader(evaluator),
  };
}

const FALLBACK_PATHS = [['targetingKey'], ['userId'], ['key']];

/** Attribute paths per flag, split on a flag's first exposure rather than for every flag at load. */
function contextKeyReader(evaluator: Evaluator): LoadedBundle['contextKey'] {
  const readers = new Map<string, string[][]>();
  return (flag, context) => {
    let paths = readers.get(flag);
    if (paths === undefined) {
      const by = evaluator.bucketBy(flag);
      paths = by === undefined ? FALLBACK_PATHS : [by.split('.'), ...FALLBACK_PATHS];
      readers.set(flag, paths);
    }
    return readContextKey(context, paths);
  };
}

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
