import type { CompiledOperator, Expr, Json } from '../../sdk/bundle/types.js';
import { OPERATORS, type WhenDoc } from '../types.js';
import type { Fail } from './fail.js';

const OPERATOR_SET = new Set<string>(OPERATORS);

/**
 * `{ plan: { eq: free }, any: [...] }` → one Expr per attribute/operator pair, in source order;
 * `any` becomes `{ any: Expr[][] }`. `path` locates problems in the source file.
 */
export function compileWhen(when: unknown, path: (string | number)[], fail: Fail): Expr[] {
  if (when === undefined || when === null) return [];
  if (!isRecord(when)) return fail(path, 'a `when` must be a map of attribute → operators');
  const out: Expr[] = [];
  for (const [attr, condition] of Object.entries(when as WhenDoc)) {
    if (attr === 'any') {
      if (!Array.isArray(condition)) return fail([...path, 'any'], '`any` must be a list of `when` maps');
      out.push({ any: condition.map((inner, i) => compileWhen(inner, [...path, 'any', i], fail)) });
      continue;
    }
    if (!isRecord(condition) || Object.keys(condition).length === 0) {
      return fail([...path, attr], `the condition on "${attr}" must be a map of operators, e.g. { eq: value }`);
    }
    for (const [op, value] of Object.entries(condition)) {
      if (!OPERATOR_SET.has(op)) return fail([...path, attr, op], `unknown operator "${op}"`);
      out.push({ attr, op: op as CompiledOperator, value: value as Json });
    }
  }
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
