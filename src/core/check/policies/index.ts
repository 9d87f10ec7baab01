import { locate } from '../../parse.js';
import type { Diagnostic, Severity } from '../../types.js';
import type { Policy, PolicyContext } from '../types.js';
import { expiresHorizon } from './expires-horizon.js';
import { maxRampStep } from './max-ramp-step.js';
import { noRampKilled } from './no-ramp-killed.js';
import { opsNotDeleted } from './ops-not-deleted.js';
import { permissionApproval } from './permission-approval.js';
import { removedReferenced } from './removed-referenced.js';

/** Every policy, in report order. Each is an error unless `policy.rules` says `warning` or `off`. */
export const POLICIES: Policy[] = [maxRampStep, noRampKilled, removedReferenced, expiresHorizon, opsNotDeleted, permissionApproval];

export function runPolicies(ctx: PolicyContext): Diagnostic[] {
  const rules = ctx.input.head.config.policy.rules ?? {};
  return POLICIES.flatMap((policy) => {
    const setting = rules[policy.id] ?? rules[policy.code] ?? 'error';
    if (setting === 'off') return [];
    return policy.check(ctx).map((finding): Diagnostic => {
      const at = finding.path.length > 0 ? locate(finding.file, finding.path, { key: true }) : { line: 1, col: 1 };
      return {
        code: policy.code,
        severity: setting as Severity,
        message: `${finding.message} [${policy.id}]`,
        file: finding.file.file,
        line: at.line,
        col: at.col,
        hint: finding.hint,
      };
    });
  });
}
