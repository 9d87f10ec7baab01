import { didYouMean } from '../suggest.js';
import type { LintRule } from './types.js';

export const unknownEnvironment: LintRule = {
  code: 'FF016',
  severity: 'error',
  description: 'A flag targets an environment that flagops.yaml does not list',
  check(ctx) {
    const known = ctx.environments;
    if (!known) return [];
    return ctx.flags.flatMap(({ file, environments }) =>
      environments
        .filter(({ name }) => !known.includes(name))
        .map(({ name, path }) => ({
          file,
          path,
          key: true,
          message: `unknown environment \`${name}\``,
          hint: didYouMean(name, known) ?? `flagops.yaml lists: ${known.join(', ')}. Add it there or remove it here.`,
        })),
    );
  },
};
