import type { Evaluator } from '../../sdk/evaluate/index.js';
import { contextAt } from './template.js';
import type { SpecDistribution } from './types.js';

export const DEFAULT_COUNT = 10_000;
export const DEFAULT_TOLERANCE = 1;

export interface DistributionOutcome {
  count: number;
  /** variation name (or `(none)`) → share in percent. */
  shares: Record<string, number>;
  /** Variations whose share lies outside expected ± tolerance. */
  misses: { variation: string; expected: number; got: number }[];
}

/** Generates the contexts, evaluates the flag for each, and compares the shares. */
export function runDistribution(evaluator: Evaluator, spec: SpecDistribution): DistributionOutcome {
  const count = spec.count ?? DEFAULT_COUNT;
  const tolerance = spec.tolerance ?? DEFAULT_TOLERANCE;
  const counts = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const name = evaluator.variation(spec.flag, contextAt(spec.context, i)) ?? '(none)';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const shares = Object.fromEntries([...counts].map(([name, n]) => [name, (n / count) * 100]));
  const misses = Object.entries(spec.expect)
    .map(([variation, expected]) => ({ variation, expected, got: shares[variation] ?? 0 }))
    .filter((m) => Math.abs(m.got - m.expected) > tolerance + 1e-9);
  return { count, shares, misses };
}

/** `on 5.1%, off 94.9%`. */
export function describeShares(shares: Record<string, number>): string {
  return Object.entries(shares)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, share]) => `${name} ${round(share)}%`)
    .join(', ');
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}
