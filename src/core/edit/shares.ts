import type { FlagDoc } from '../types.js';
import { killVariationOf, variationNames } from './flag-text.js';
import { formatPercent } from './words.js';

/** Variation name → percentage of buckets (or of generated contexts, in a distribution spec). */
export type Shares = Record<string, number>;

/**
 * What the default of `env` serves, per variation, in declaration order: a plain default gives
 * its variation 100, a rollout its percentages plus the remainder to the kill variation. The
 * kill switch is left out on purpose: a ramp describes the rollout, and `--unkill` restores it.
 */
export function defaultShares(flag: FlagDoc, env: string): Shares {
  const kill = killVariationOf(flag);
  const serve = flag.environments?.[env]?.default;
  const raw: Shares = typeof serve === 'string' ? { [serve]: 100 } : { ...(serve?.rollout ?? {}) };
  if (serve === undefined) raw[kill] = 100;
  const sum = Object.values(raw).reduce((a, b) => a + b, 0);
  const rest = Number((100 - sum).toFixed(3));
  if (rest > 0) raw[kill] = Number(((raw[kill] ?? 0) + rest).toFixed(3));
  const ordered = [...variationNames(flag), ...Object.keys(raw)];
  return Object.fromEntries([...new Set(ordered)].filter((name) => raw[name] !== undefined).map((name) => [name, raw[name]!]));
}

/** `on 5%, off 95%`. */
export function formatShares(shares: Shares): string {
  return Object.entries(shares).map(([name, pct]) => `${name} ${formatPercent(pct)}`).join(', ');
}

/** `on 5% → 25%, off 95% → 75%`; a variation new in `after` is marked so. */
export function describeMove(before: Shares, after: Shares): string {
  const names = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return names.map((name) => {
    const from = before[name], to = after[name] ?? 0;
    if (from === undefined) return `${name} ${formatPercent(to)} (new)`;
    return from === to ? `${name} ${formatPercent(to)}` : `${name} ${formatPercent(from)} → ${formatPercent(to)}`;
  }).join(', ');
}
