import type { ServeDoc } from '../types.js';

/** `accountId` → `accounts`, `userId` → `users`; otherwise `distinct <attr> values`. */
export function unitOf(bucketBy: string): string {
  const match = /^(.+?)(Id|_id|ID|Key|_key)$/.exec(bucketBy);
  if (!match) return `distinct ${bucketBy} values`;
  const base = match[1]!;
  return base.endsWith('s') ? base : `${base}s`;
}

/** `25`, `12.5` — percentages as written, at most 3 decimals. */
export function formatPercent(value: number): string {
  return `${Number(value.toFixed(3))}%`;
}

/** A serve in words: `on`, or `on 5%, off 95%`. */
export function describeServe(serve: ServeDoc | undefined): string {
  if (serve === undefined) return 'nothing';
  if (typeof serve === 'string') return serve;
  const parts = Object.entries(serve.rollout ?? {}).map(([name, pct]) => `${name} ${formatPercent(pct)}`);
  return `rollout ${parts.join(', ')}${serve.bucketBy ? ` by ${serve.bucketBy}` : ''}`;
}

/** "+20% of buckets: from 5% to 25% of accounts (bucketed by accountId) get "on" in production". */
export function describeRamp(change: { env: string; variation: string; from: number; to: number; bucketBy: string }): string {
  const delta = change.to - change.from;
  const sign = delta >= 0 ? '+' : '−';
  return `${sign}${formatPercent(Math.abs(delta))} of buckets: from ${formatPercent(change.from)} to ${formatPercent(change.to)} ` +
    `of ${unitOf(change.bucketBy)} (bucketed by ${change.bucketBy}) get "${change.variation}" in ${change.env}`;
}
