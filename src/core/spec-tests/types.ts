import type { Reason } from '../../sdk/evaluate/types.js';
import type { JsonValue } from '../types.js';

/** One `flags/tests/*.yaml` file: see `schemas/test.schema.json`. */
export interface SpecDoc {
  description?: string;
  environment?: string;
  cases?: SpecCase[];
  distributions?: SpecDistribution[];
}

/** A context and what each flag must serve it. */
export interface SpecCase {
  name: string;
  environment?: string;
  context: Record<string, JsonValue>;
  expect: Record<string, string | Expectation>;
}

export interface Expectation {
  variation?: string;
  value?: JsonValue;
  reason?: Reason;
}

/** `count` contexts generated from a template, and the share each variation must get. */
export interface SpecDistribution {
  name: string;
  environment?: string;
  flag: string;
  count?: number;
  context: Record<string, JsonValue>;
  expect: Record<string, number>;
  /** Percentage points; default 1. */
  tolerance?: number;
}

export interface SpecResult {
  file: string;
  name: string;
  kind: 'case' | 'distribution';
  environment: string;
  passed: boolean;
  /** What was observed, in words. */
  detail: string;
}
