import { parseRfc3339 } from '../../sdk/evaluate/date.js';
import { everyCondition } from './conditions.js';
import type { LintRule } from './types.js';

export const dateOperand: LintRule = {
  code: 'FF027',
  severity: 'error',
  description: 'A `before` / `after` operand is not a date',
  // The evaluator's own reader, so lint accepts exactly the dates every SDK will match on.
  check(ctx) {
    return everyCondition(ctx).flatMap(({ file, condition: { op, value, path } }) => {
      if ((op !== 'before' && op !== 'after') || typeof value !== 'string' || !Number.isNaN(parseRfc3339(value))) return [];
      return [{ file, path, message: `\`${op}\` needs a date, found \`${value.slice(0, 40)}\``, hint: 'Write an RFC 3339 date or date-time, e.g. 2027-01-31 or 2027-01-31T12:00:00Z.' }];
    });
  },
};
