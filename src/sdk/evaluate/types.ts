/** Evaluation results in OpenFeature's vocabulary. Runtime-neutral: no imports. */

export type Reason =
  | 'STATIC'
  | 'DEFAULT'
  | 'TARGETING_MATCH'
  | 'SPLIT'
  | 'KILLED'
  | 'PREREQUISITE_FAILED'
  | 'ERROR';

export type ErrorCode =
  | 'FLAG_NOT_FOUND'
  | 'TYPE_MISMATCH'
  | 'TARGETING_KEY_MISSING'
  | 'PROVIDER_NOT_READY'
  | 'PARSE_ERROR'
  | 'GENERAL';

/** Attributes describing who is asking; dotted paths reach into nested objects. */
export type Context = Readonly<Record<string, unknown>>;

export interface Resolution<T = unknown> {
  value: T;
  /** Name of the variation served; absent when the caller's default was returned. */
  variation?: string;
  reason: Reason;
  /** Index of the matching rule, for TARGETING_MATCH and rule SPLITs. */
  ruleIndex?: number;
  errorCode?: ErrorCode;
}
