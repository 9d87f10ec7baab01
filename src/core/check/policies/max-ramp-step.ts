import { formatPercent } from '../../edit/words.js';
import type { Policy, PolicyFinding } from '../types.js';
import { largestStep, sharedEnvironments } from './shares.js';

const RAMPED_KINDS = new Set(['release', 'experiment']);

/** Ramps move users in steps; a bigger jump than `policy.maxRampStep` in one PR needs a second look. */
export const maxRampStep: Policy = {
  id: 'max-ramp-step',
  code: 'FP001',
  description: 'a rollout moves at most policy.maxRampStep percentage points per pull request',
  check({ input, pairs }) {
    const max = input.head.config.policy.maxRampStep;
    const findings: PolicyFinding[] = [];
    for (const { before, after } of pairs) {
      if (!before?.value || !after?.value || !RAMPED_KINDS.has(after.value.kind)) continue;
      for (const [env, b, a] of sharedEnvironments(before.value, after.value)) {
        const step = largestStep(b.default, a.default, before.value, after.value);
        if (!step || Math.abs(step.to - step.from) <= max) continue;
        findings.push({
          file: after,
          path: ['environments', env, 'default'],
          message: `${env}: "${step.variation}" goes from ${formatPercent(step.from)} to ${formatPercent(step.to)}, a step of ${formatPercent(Math.abs(step.to - step.from))}; policy.maxRampStep allows ${formatPercent(max)}`,
          hint: `Ramp in smaller steps (e.g. \`flags ramp ${after.value.key} ${Math.min(100, step.from + max)} --env ${env}\`), or get the policy switched for this change.`,
        });
      }
    }
    return findings;
  },
};
