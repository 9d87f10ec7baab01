import type { LintRule } from './types.js';

export const expiresRequired: LintRule = {
  code: 'FF023',
  severity: 'error',
  description: 'A flag of a kind in policy.requireExpires (default release, experiment) has no `expires`',
  check(ctx) {
    const configured: unknown = ctx.config.policy.requireExpires;
    const kinds = Array.isArray(configured) ? configured : ['release', 'experiment'];
    return ctx.flags.flatMap(({ file, doc, kind }) => {
      if (kind === undefined || !kinds.includes(kind) || doc.expires !== undefined) return [];
      return [{ file, path: ['kind'], message: `${kind} flags need \`expires\``, hint: 'Add `expires: YYYY-MM-DD`, the date by which the flag should be gone from code.' }];
    });
  },
};
