/**
 * The wire contract between `flags compile` and every SDK: a DSSE envelope whose payload is
 * canonical JSON of a {@link BundlePayload}. Runtime-neutral: no imports.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const PAYLOAD_TYPE = 'application/vnd.flagops.bundle.v1+json';
export const BUNDLE_FORMAT = 1;
/** Buckets per hash space: a percentage with 3 decimals maps to a whole number of buckets. */
export const BUCKETS = 100_000;

/** DSSE envelope (https://github.com/secure-systems-lab/dsse), payload base64-encoded. */
export interface Envelope {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

export interface BundlePayload {
  format: typeof BUNDLE_FORMAT;
  environment: string;
  /** Strictly increases per environment; SDKs refuse to go back. */
  version: number;
  /** RFC 3339, from the commit time. */
  issuedAt: string;
  expiresAt: string;
  /** The commit compiled (`<sha>` or `<sha>+dirty`). */
  source: string;
  flags: Record<string, CompiledFlag>;
  segments: Record<string, CompiledSegment>;
}

export type ValueType = 'boolean' | 'string' | 'number' | 'object';

export interface CompiledFlag {
  /** Variation values in declaration order. */
  values: Json[];
  /** Variation names, same order as `values`. */
  names: string[];
  type: ValueType;
  /** Index of the kill variation. */
  kill: number;
  killed?: boolean;
  killReason?: string;
  /** Bucketing salt (the flag key unless the flag sets one). */
  salt: string;
  prerequisites?: { flag: string; variation: number }[];
  rules: CompiledRule[];
  default: CompiledServe;
}

/**
 * A fixed variation `{ v }`, or a split: `split[i]` is the exclusive upper bucket bound of
 * variation i (cumulative, in declaration order); buckets at or past the last bound get the
 * kill variation. `by` is the context attribute hashed.
 */
export type CompiledServe = { v: number } | { split: number[]; by: string };

export interface CompiledRule {
  name?: string;
  /** All must hold. */
  when: Expr[];
  serve: CompiledServe;
}

/** A normalized condition tree. */
export type Expr =
  | { attr: string; op: CompiledOperator; value: Json }
  | { any: Expr[][] }
  | { segment: string };

export type CompiledOperator =
  | 'eq' | 'ne' | 'in' | 'notIn' | 'contains' | 'startsWith' | 'endsWith' | 'matches'
  | 'gt' | 'gte' | 'lt' | 'lte' | 'before' | 'after' | 'semverEq' | 'semverGt' | 'semverLt' | 'exists';

export interface CompiledSegment {
  /** Attribute `include` / `exclude` are values of. */
  attr: string;
  include?: string[];
  exclude?: string[];
  /** All must hold; absent means only `include` matches. */
  when?: Expr[];
}
