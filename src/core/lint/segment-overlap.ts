import type { LintRule } from './types.js';

export const segmentOverlap: LintRule = {
  code: 'FF025',
  severity: 'warning',
  description: 'A segment both includes and excludes the same value (exclude wins)',
  check(ctx) {
    return ctx.segments.flatMap(({ file, doc }) => {
      if (!Array.isArray(doc.include) || !Array.isArray(doc.exclude)) return [];
      const included = new Set(doc.include);
      return doc.exclude.flatMap((value: unknown, i) =>
        included.has(value) ? [{ file, path: ['exclude', i], message: `\`${String(value)}\` is both included and excluded`, hint: 'Exclusion wins; remove it from one of the lists.' }] : [],
      );
    });
  },
};
