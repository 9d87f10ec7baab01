import type { LintRule } from './types.js';

export const segmentUnused: LintRule = {
  code: 'FF026',
  severity: 'info',
  description: 'No flag uses the segment',
  check(ctx) {
    const used = new Set(ctx.flags.flatMap((f) => f.segmentRefs.map((r) => r.name)));
    return ctx.segments.flatMap(({ file, key }) =>
      key === undefined || used.has(key) ? [] : [{ file, path: ['key'], message: `segment \`${key}\` is not used by any flag`, hint: 'Delete it if nothing will use it.' }],
    );
  },
};
