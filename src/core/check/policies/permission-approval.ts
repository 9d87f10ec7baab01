import type { Policy } from '../types.js';

/** Permission flags decide who may do what: in production that needs the owner's explicit approval. */
export const permissionApproval: Policy = {
  id: 'permission-approval',
  code: 'FP006',
  description: 'a production change to a permission flag needs the approval label',
  check({ input, pairs, changes, production }) {
    const label = input.head.config.policy.approvalLabel;
    if (input.labels?.includes(label)) return [];
    return pairs.flatMap(({ key, before, after }) => {
      const flag = after?.value ?? before?.value;
      if (flag?.kind !== 'permission' && before?.value?.kind !== 'permission') return [];
      const touched = !before || !after || (changes.get(key) ?? []).some((c) => c.environment === production || c.environment === undefined && c.kind !== 'owner' && c.kind !== 'expires');
      if (!touched) return [];
      const owner = flag?.owner ? ` (owner: ${flag.owner})` : '';
      return [{
        file: (after ?? before)!,
        path: after ? ['environments', production] : ['kind'],
        message: `"${key}" is a permission flag and this changes who gets it in ${production}; the pull request needs the "${label}" label${owner}${input.labels === undefined ? ' (no pull request labels were available)' : ''}`,
        hint: `Ask the flag's owner to review and add the "${label}" label, then rerun the check.`,
      }];
    });
  },
};
