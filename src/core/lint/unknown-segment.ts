import { didYouMean } from '../suggest.js';
import type { LintRule } from './types.js';

export const unknownSegment: LintRule = {
  code: 'FF017',
  severity: 'error',
  description: 'A rule names a segment that has no file under segments/',
  check(ctx) {
    const known = ctx.segments.map((s) => s.key).filter((k): k is string => k !== undefined);
    return ctx.flags.flatMap(({ file, segmentRefs }) =>
      segmentRefs
        .filter(({ name }) => !known.includes(name))
        .map(({ name, path }) => ({
          file,
          path,
          message: `unknown segment \`${name}\``,
          hint: didYouMean(name, known) ?? `Create ${ctx.project.dir}/segments/${name}.yaml or name an existing segment.`,
        })),
    );
  },
};
