import type { Policy, PolicyFinding } from '../types.js';

const DAY = 86_400_000;

/** Temporary flags must say when they go, and not too far off: otherwise they never do. */
export const expiresHorizon: Policy = {
  id: 'expires-horizon',
  code: 'FP004',
  description: 'release and experiment flags expire within policy.maxExpiresDays',
  check({ input, pairs, changes }) {
    const { requireExpires, maxExpiresDays } = input.head.config.policy;
    const limit = new Date(Date.parse(input.today) + maxExpiresDays * DAY).toISOString().slice(0, 10);
    const findings: PolicyFinding[] = [];
    for (const { key, after, before } of pairs) {
      const flag = after?.value;
      if (!after || !flag || !requireExpires.includes(flag.kind)) continue;
      if (before && (changes.get(key) ?? []).length === 0) continue;
      const expires = flag.expires === undefined ? undefined : String(flag.expires as unknown);
      if (expires === undefined || expires <= limit) continue;
      findings.push({
        file: after,
        path: ['expires'],
        message: `expires ${expires} is more than ${maxExpiresDays} days away (the latest allowed today is ${limit})`,
        hint: `Set expires to ${limit} or sooner; extend it in a later change if the ${flag.kind} really needs longer.`,
      });
    }
    return findings;
  },
};
