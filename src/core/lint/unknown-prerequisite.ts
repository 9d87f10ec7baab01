import { didYouMean } from '../suggest.js';
import type { LintRule } from './types.js';

export const unknownPrerequisite: LintRule = {
  code: 'FF018',
  severity: 'error',
  description: 'A prerequisite names a flag that does not exist',
  check(ctx) {
    return ctx.flags.flatMap(({ file, prerequisites }) =>
      prerequisites
        .filter(({ flag }) => flag !== undefined && !ctx.flagsByKey.has(flag))
        .map(({ flag, path }) => ({
          file,
          path: [...path, 'flag'],
          message: `unknown prerequisite flag \`${flag}\``,
          hint: didYouMean(flag!, ctx.flagsByKey.keys()) ?? 'Name an existing flag key.',
        })),
    );
  },
};
