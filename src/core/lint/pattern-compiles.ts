import { everyCondition } from './conditions.js';
import type { LintRule } from './types.js';

export const patternCompiles: LintRule = {
  code: 'FF021',
  severity: 'error',
  description: 'A `matches` pattern is not a valid regular expression',
  check(ctx) {
    return everyCondition(ctx).flatMap(({ file, condition: { op, value, path } }) => {
      if (op !== 'matches' || typeof value !== 'string') return [];
      const problem = compileError(value);
      return problem ? [{ file, path, message: `\`matches\` pattern does not compile: ${problem}`, hint: 'Fix the regular expression (JavaScript syntax); escape literal characters such as `.`, `(` and `[` with a backslash.' }] : [];
    });
  },
};

/** Compiled as the evaluator compiles them. */
function compileError(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: \/.*\/u?: /s, '');
  }
}
