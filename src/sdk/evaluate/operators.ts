/**
 * The 18 operators, prepared once at load into {@link Condition}s of a single shape.
 *
 * Semantics (identical in every SDK; see README "Evaluation"):
 * - A missing or null attribute matches no operator, `ne` and `notIn` included; only `exists: false` matches it.
 * - An array attribute matches when any element matches; `ne` / `notIn` when no element does.
 * - An object attribute matches only `exists`.
 * - No coercion: `eq`/`in` compare strings, numbers and booleans strictly; `gt`…`lte` need numbers;
 *   `contains`/`startsWith`/`endsWith`/`matches`/semver need strings; `before`/`after` take an
 *   epoch-ms number or RFC 3339 text (see date.ts: offset-less means UTC). Anything else does not match.
 */
import type { CompiledOperator, Json } from '../bundle/types.js';
import type { AttributePath } from './attribute.js';
import type { PreparedSegment } from './model.js';
import { toMillis } from './date.js';
import { compareSemVer, parseSemVer, type SemVer } from './semver.js';

export const EQ = 0, IN = 1, IN_SET = 2, CONTAINS = 3, STARTS_WITH = 4, ENDS_WITH = 5, MATCHES = 6, GT = 7,
  GTE = 8, LT = 9, LTE = 10, BEFORE = 11, AFTER = 12, SEMVER_EQ = 13, SEMVER_GT = 14, SEMVER_LT = 15, EXISTS = 16,
  NEVER = 17,
  /** Not operators: an AND of conditions, an OR of conditions, and a segment reference. */
  ALL = 18, ANY = 19, SEGMENT = 20;

const CODES: Record<CompiledOperator, [op: number, negate: boolean]> = {
  eq: [EQ, false], ne: [EQ, true], in: [IN, false], notIn: [IN, true], contains: [CONTAINS, false],
  startsWith: [STARTS_WITH, false], endsWith: [ENDS_WITH, false], matches: [MATCHES, false],
  gt: [GT, false], gte: [GTE, false], lt: [LT, false], lte: [LTE, false], before: [BEFORE, false],
  after: [AFTER, false], semverEq: [SEMVER_EQ, false], semverGt: [SEMVER_GT, false],
  semverLt: [SEMVER_LT, false], exists: [EXISTS, false],
};

const NOTHING = Symbol('never equal');
const SET_THRESHOLD = 8;
const NO_PATH: AttributePath = { head: '', rest: null, name: '' };

/**
 * One prepared condition: an attribute test, an `all` or `any` group, or a segment reference.
 * Four fields for every kind, so the hot loop sees a single small object shape.
 */
export class Condition {
  constructor(
    readonly path: AttributePath,
    readonly op: number,
    readonly negate: boolean,
    /**
     * What the operator compares with: `eq` the scalar; `in` the list (IN_SET: a Set, for long
     * lists); `contains`/`startsWith`/`endsWith` the strings; `matches` a RegExp or null; `gt`…`lte`
     * a number; `before`/`after` epoch ms; semver a SemVer or null; `exists` a boolean; `all`/`any`
     * the conditions; a segment reference the PreparedSegment.
     */
    readonly operand: unknown,
  ) {}
}

/** All of `conditions` hold (true when empty). */
export function allCondition(conditions: readonly Condition[]): Condition {
  return conditions.length === 1 ? (conditions[0] as Condition) : new Condition(NO_PATH, ALL, false, conditions);
}

/** Any of `conditions` holds. */
export function anyCondition(conditions: readonly Condition[]): Condition {
  return new Condition(NO_PATH, ANY, false, conditions);
}

/** A reference to a segment; null (unknown segment) never matches. */
export function segmentCondition(segment: PreparedSegment | null): Condition {
  return new Condition(NO_PATH, segment === null ? NEVER : SEGMENT, false, segment);
}

const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function compileRegex(pattern: unknown): RegExp | null {
  if (typeof pattern !== 'string') return null;
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

/** Prepares `{ attr, op, value }`; an unknown operator or unusable operand becomes a condition that never matches. */
export function prepareCondition(path: AttributePath, operator: CompiledOperator, value: Json): Condition {
  const [op, negate] = Object.prototype.hasOwnProperty.call(CODES, operator) ? CODES[operator] : [NEVER, false];
  return op === IN ? prepareIn(path, negate, value) : new Condition(path, op, negate, operandOf(op, value));
}

function operandOf(op: number, value: Json): unknown {
  if (op === EQ) return isScalar(value) ? value : NOTHING;
  if (op >= CONTAINS && op <= ENDS_WITH) return (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string');
  if (op === MATCHES) return compileRegex(value);
  if (op >= SEMVER_EQ && op <= SEMVER_LT) return (typeof value === 'string' && parseSemVer(value)) || null;
  if (op === EXISTS) return value !== false;
  if (op >= BEFORE && op <= AFTER) return toMillis(value);
  return typeof value === 'number' ? value : NaN;
}

/** One operand is an `eq`; a short list is scanned (beats hashing, weighs less); a long one is a Set. */
function prepareIn(path: AttributePath, negate: boolean, value: Json): Condition {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 1) return new Condition(path, EQ, negate, isScalar(list[0]) ? list[0] : NOTHING);
  if (list.length > SET_THRESHOLD) return new Condition(path, IN_SET, negate, new Set(list.filter(isScalar)));
  return new Condition(path, IN, negate, list.every(isScalar) ? list : list.filter(isScalar));
}

function someString(strings: readonly unknown[], v: string, op: number): boolean {
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i] as string;
    if (op === CONTAINS ? v.includes(s) : op === STARTS_WITH ? v.startsWith(s) : v.endsWith(s)) return true;
  }
  return false;
}

function includes(list: readonly unknown[], v: unknown): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === v) return true;
  return false;
}

function compareVersion(c: Condition, v: unknown): number {
  const version = c.operand as SemVer | null;
  const parsed = typeof v === 'string' && version !== null ? parseSemVer(v) : undefined;
  return parsed === undefined ? NaN : compareSemVer(parsed, version as SemVer);
}

/** The operator on one present, non-null scalar value, before negation. */
export function testValue(c: Condition, v: unknown): boolean {
  const operand = c.operand;
  switch (c.op) {
    case EQ: return v === operand;
    case IN: return includes(operand as readonly unknown[], v);
    case IN_SET: return (operand as ReadonlySet<unknown>).has(v);
    case CONTAINS: case STARTS_WITH: case ENDS_WITH:
      return typeof v === 'string' && someString(operand as readonly unknown[], v, c.op);
    case MATCHES: return typeof v === 'string' && operand !== null && (operand as RegExp).test(v);
    case GT: return typeof v === 'number' && v > (operand as number);
    case GTE: return typeof v === 'number' && v >= (operand as number);
    case LT: return typeof v === 'number' && v < (operand as number);
    case LTE: return typeof v === 'number' && v <= (operand as number);
    case BEFORE: return toMillis(v) < (operand as number);
    case AFTER: return toMillis(v) > (operand as number);
    case SEMVER_EQ: return compareVersion(c, v) === 0;
    case SEMVER_GT: return compareVersion(c, v) > 0;
    case SEMVER_LT: return compareVersion(c, v) < 0;
    default: return false;
  }
}

/** The condition on an attribute value as read from the context (undefined when missing). */
export function testAttribute(c: Condition, v: unknown): boolean {
  if (v === undefined || v === null) return c.op === EXISTS && c.operand === false;
  if (c.op === EXISTS) return c.operand === true;
  if (typeof v !== 'object') return testValue(c, v) !== c.negate;
  if (!Array.isArray(v)) return false;
  let any = false;
  for (let i = 0; i < v.length && !any; i++) {
    const item: unknown = v[i];
    any = item !== null && typeof item !== 'object' && testValue(c, item);
  }
  return any !== c.negate;
}
