import type { ParsedFile } from '../parse.js';
import type { ConditionRef } from './model.js';
import type { LintContext } from './types.js';

/** Every condition of every flag and segment, with its file. */
export function everyCondition(ctx: LintContext): { file: ParsedFile; condition: ConditionRef }[] {
  return [...ctx.flags, ...ctx.segments].flatMap(({ file, conditions }) => conditions.map((condition) => ({ file, condition })));
}
