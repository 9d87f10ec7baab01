import { describeServe } from '../../edit/words.js';
import type { Policy, PolicyFinding } from '../types.js';
import { sharedEnvironments } from './shares.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A killed flag serves its kill variation whatever the rollout says: a ramp there is a silent surprise at unkill time. */
export const noRampKilled: Policy = {
  id: 'no-ramp-killed',
  code: 'FP002',
  description: 'no ramping a flag that stays killed',
  check({ pairs }) {
    const findings: PolicyFinding[] = [];
    for (const { before, after } of pairs) {
      if (!before?.value || !after?.value) continue;
      for (const [env, b, a] of sharedEnvironments(before.value, after.value)) {
        if (!b.killed || !a.killed) continue;
        const path = !same(b.default, a.default) ? ['environments', env, 'default'] : !same(b.rules, a.rules) ? ['environments', env, 'rules'] : undefined;
        if (!path) continue;
        findings.push({
          file: after,
          path,
          message: `${env}: the flag is killed, yet this change moves its ${path[2] === 'default' ? `default from ${describeServe(b.default)} to ${describeServe(a.default)}` : 'rules'}; nobody sees it until the flag is unkilled, and then everybody does at once`,
          hint: `Unkill in the same change (\`flags ramp ${after.value.key} <pct> --env ${env} --unkill\`), or leave the rollout alone while the flag is killed.`,
        });
      }
    }
    return findings;
  },
};
