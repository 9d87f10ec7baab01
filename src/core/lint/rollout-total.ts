import type { LintRule } from './types.js';

export const rolloutTotal: LintRule = {
  code: 'FF012',
  severity: 'error',
  description: 'The percentages of a rollout add up to more than 100',
  check(ctx) {
    return ctx.flags.flatMap(({ file, serves }) =>
      serves.flatMap(({ path, rollout }) => {
        const percents = Object.values(rollout ?? {});
        // Out-of-range or non-numeric values are the schema's to report.
        if (!percents.every((p): p is number => typeof p === 'number' && p >= 0 && p <= 100)) return [];
        const total = Math.round(percents.reduce((sum, p) => sum + p, 0) * 1000) / 1000;
        if (total <= 100) return [];
        return [{ file, path: [...path, 'rollout'], message: `rollout sums to ${total}, expected at most 100`, hint: 'Lower the percentages; whatever stays below 100 goes to the killVariation.' }];
      }),
    );
  },
};
