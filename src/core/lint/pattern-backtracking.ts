import { findCatastrophicBacktracking } from '../regex-safety.js';
import { everyCondition } from './conditions.js';
import type { LintRule } from './types.js';

export const patternBacktracking: LintRule = {
  code: 'FF022',
  severity: 'error',
  description: 'A `matches` pattern can backtrack catastrophically (nested quantifiers, overlapping alternatives)',
  check(ctx) {
    return everyCondition(ctx).flatMap(({ file, condition: { op, value, path } }) => {
      if (op !== 'matches' || typeof value !== 'string') return [];
      const problem = findCatastrophicBacktracking(value);
      return problem ? [{ file, path, message: `\`matches\` pattern can take exponential time: ${problem}`, hint: 'Rewrite it without a repeated group whose body can match the same text in several ways, e.g. `(a+)+` → `a+`; or use startsWith/endsWith/in.' }] : [];
    });
  },
};
