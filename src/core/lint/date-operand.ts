import { everyCondition } from './conditions.js';
import type { LintRule } from './types.js';

export const dateOperand: LintRule = {
  code: 'FF027',
  severity: 'error',
  description: 'A `before` / `after` operand is not a date',
  check(ctx) {
    return everyCondition(ctx).flatMap(({ file, condition: { op, value, path } }) => {
      if ((op !== 'before' && op !== 'after') || typeof value !== 'string' || !Number.isNaN(Date.parse(value))) return [];
      return [{ file, path, message: `\`${op}\` needs a date, found \`${value.slice(0, 40)}\``, hint: 'Write an RFC 3339 date or date-time, e.g. 2027-01-31 or 2027-01-31T12:00:00Z.' }];
    });
  },
};
