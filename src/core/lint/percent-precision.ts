import type { LintRule } from './types.js';

export const percentPrecision: LintRule = {
  code: 'FF013',
  severity: 'error',
  description: 'A rollout percentage has more than 3 decimals (buckets are 1/1000 of a percent)',
  check(ctx) {
    return ctx.flags.flatMap(({ file, serves }) =>
      serves.flatMap(({ path, rollout }) =>
        Object.entries(rollout ?? {}).flatMap(([name, percent]) => {
          if (typeof percent !== 'number' || !Number.isFinite(percent)) return [];
          if (Math.abs(percent * 1000 - Math.round(percent * 1000)) < 1e-6) return [];
          return [{ file, path: [...path, 'rollout', name], message: `${percent}% has more than 3 decimals`, hint: `Round it, e.g. to ${Math.round(percent * 1000) / 1000}.` }];
        }),
      ),
    );
  },
};
