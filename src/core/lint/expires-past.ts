import type { LintRule } from './types.js';

export const expiresPast: LintRule = {
  code: 'FF024',
  severity: 'warning',
  description: 'A flag\'s `expires` date has passed',
  check(ctx) {
    return ctx.flags.flatMap(({ file, doc }) => {
      const expires = doc.expires;
      if (typeof expires !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(expires) || expires >= ctx.today) return [];
      return [{ file, path: ['expires'], message: `flag expired on ${expires}`, hint: 'Remove the flag from code (`flags cleanup`), or move `expires` out if it must stay longer.' }];
    });
  },
};
