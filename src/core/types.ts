/**
 * The source model: what a flags repository holds, as written in YAML.
 * Every later stage (lint, compile, diff) reads these shapes.
 */

export type Severity = 'error' | 'warning' | 'info';

/** One problem, located in a file. The only diagnostic shape every reporter renders. */
export interface Diagnostic {
  /** Stable code, e.g. `FF012`; see docs in the lint rule registry. */
  code: string;
  severity: Severity;
  message: string;
  /** Path relative to the project root, posix separators. */
  file: string;
  /** 1-based; 0 when the problem has no place in a file. */
  line: number;
  /** 1-based; 0 when unknown. */
  col: number;
  hint?: string;
}

/** A file's text and where it lives; produced at the I/O edge, consumed by pure code. */
export interface SourceFile {
  /** Path relative to the project root (the folder holding `flags/`), posix separators. */
  path: string;
  text: string;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export const FLAG_KINDS = ['release', 'experiment', 'permission', 'ops'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const OPERATORS = [
  'eq', 'ne', 'in', 'notIn', 'contains', 'startsWith', 'endsWith', 'matches',
  'gt', 'gte', 'lt', 'lte', 'before', 'after', 'semverEq', 'semverGt', 'semverLt', 'exists',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** `{ in: [a, b] }`, `{ gte: 3 }`, … — one or more operators, all must hold. */
export type ConditionDoc = Partial<Record<Operator, JsonValue>>;

/** attribute → condition; all entries must match. `any` is an OR of nested `when`s. */
export interface WhenDoc {
  any?: WhenDoc[];
  [attribute: string]: ConditionDoc | WhenDoc[] | undefined;
}

export interface RolloutDoc {
  rollout: Record<string, number>;
  bucketBy?: string;
}

/** A variation name, or a percentage rollout. */
export type ServeDoc = string | RolloutDoc;

export interface RuleDoc {
  name?: string;
  when?: WhenDoc;
  segment?: string;
  serve: ServeDoc;
}

export interface PrerequisiteDoc {
  flag: string;
  variation: string;
}

export interface EnvironmentDoc {
  killed?: boolean;
  killReason?: string;
  prerequisites?: PrerequisiteDoc[];
  rules?: RuleDoc[];
  default: ServeDoc;
}

export interface FlagDoc {
  key: string;
  description?: string;
  kind: FlagKind;
  owner?: string;
  /** `YYYY-MM-DD`. */
  expires?: string;
  tags?: string[];
  /** Bucketing salt; the flag key when absent. */
  salt?: string;
  /** name → value; absent means `{ on: true, off: false }`. */
  variations?: Record<string, JsonValue>;
  killVariation?: string;
  environments?: Record<string, EnvironmentDoc>;
}

export interface SegmentDoc {
  key: string;
  description?: string;
  /** The attribute `include` / `exclude` list values of; default `defaults.bucketBy`. */
  attribute?: string;
  include?: string[];
  exclude?: string[];
  when?: WhenDoc;
}

export interface SigningKeyDoc {
  id: string;
  /** Ed25519 public key: base64 of the 32 raw bytes, or PEM (SPKI). */
  publicKey: string;
}

export interface PolicyDoc {
  /** Largest percentage-point change of one rollout in one change; default 50. */
  maxRampStep?: number;
  /** Days after which a fully rolled-out / killed flag counts as stale, per kind. */
  staleAfterDays?: Partial<Record<FlagKind, number>>;
  /** Kinds that must declare `expires`; default release and experiment. */
  requireExpires?: FlagKind[];
  /** Furthest `expires` may lie in the future, in days; default 180. */
  maxExpiresDays?: number;
  /** Per-policy switch: 'error' | 'warning' | 'off'. */
  rules?: Record<string, 'error' | 'warning' | 'off'>;
  /** Label a PR needs to change a permission flag in production. */
  approvalLabel?: string;
}

export interface ConfigDoc {
  environments: string[];
  signing?: { keys?: SigningKeyDoc[]; privateKeyPath?: string };
  bundle?: { dir?: string; ttl?: string };
  defaults?: { bucketBy?: string };
  code?: {
    include?: string[];
    exclude?: string[];
    calls?: string[];
    jsx?: { component: string; attribute: string }[];
  };
  policy?: PolicyDoc;
  github?: { apiUrl?: string; labels?: string[] };
  publish?: { to?: string };
}
