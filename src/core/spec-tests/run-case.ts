import type { Evaluator } from '../../sdk/evaluate/index.js';
import type { Resolution } from '../../sdk/evaluate/types.js';
import type { Expectation, SpecCase } from './types.js';

/** One flag of a case that did not serve what was expected. */
export interface CaseMismatch {
  flag: string;
  expected: string;
  got: string;
}

/** Evaluates every expectation of a case; an empty list means it passed. */
export function runCase(evaluator: Evaluator, spec: SpecCase): CaseMismatch[] {
  const mismatches: CaseMismatch[] = [];
  for (const [flag, raw] of Object.entries(spec.expect)) {
    const expected: Expectation = typeof raw === 'string' ? { variation: raw } : raw;
    const got = evaluator.evaluate(flag, spec.context);
    if (!meets(got, expected)) mismatches.push({ flag, expected: describeExpectation(expected), got: describeResolution(got) });
  }
  return mismatches;
}

function meets(got: Resolution, expected: Expectation): boolean {
  if (expected.variation !== undefined && got.variation !== expected.variation) return false;
  if (expected.value !== undefined && JSON.stringify(got.value) !== JSON.stringify(expected.value)) return false;
  return expected.reason === undefined || got.reason === expected.reason;
}

function describeExpectation(e: Expectation): string {
  const parts = [e.variation, e.value !== undefined ? `value ${JSON.stringify(e.value)}` : undefined, e.reason].filter(Boolean);
  return parts.join(', ');
}

/** `off (value false, DEFAULT)`; `nothing (FLAG_NOT_FOUND)`. */
export function describeResolution(r: Resolution): string {
  if (r.variation === undefined) return `nothing (${r.errorCode ?? r.reason})`;
  const rule = r.ruleIndex !== undefined ? ` rule ${r.ruleIndex + 1}` : '';
  return `${r.variation} (value ${JSON.stringify(r.value)}, ${r.reason}${rule})`;
}
