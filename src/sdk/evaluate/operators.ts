/**
 * The 18 operators, prepared once at load into {@link Condition}s of a single shape.
 *
 * Semantics (identical in every SDK; see README "Evaluation"):
 * - A missing or null attribute matches no operator, `ne` and `notIn` included; only `exists: false` matches it.
 * - An array attribute matches when any element matches; `ne` / `notIn` when no element does.
 * - An object attribute matches only `exists`.
 * - No coercion: `eq`/`in` compare strings, numbers and booleans strictly; `gt`…`lte` need numbers;
 *   `contains`/`startsWith`/`endsWith`/`matches`/semver need strings; `before`/`after` take an
 *   epoch-ms number or a date string `Date.parse` reads. Anything else does not match.
 */
import type { CompiledOperator, Json } from '../bundle/types.js';
import { splitPath, type AttributePath } from './attribute.js';
import type { PreparedSegment } from './model.js';
import { compareSemVer, parseSemVer, type SemVer } from './semver.js';

export const EQ = 0, IN = 1, CONTAINS = 2, STARTS_WITH = 3, ENDS_WITH = 4, MATCHES = 5, GT = 6, GTE = 7,
  LT = 8, LTE = 9, BEFORE = 10, AFTER = 11, SEMVER_EQ = 12, SEMVER_GT = 13, SEMVER_LT = 14, EXISTS = 15, NEVER = 16,
  /** Not operators: an OR of AND-groups, and a segment reference. */
  ANY = 17, SEGMENT = 18;

const CODES: Record<CompiledOperator, [op: number, negate: boolean]> = {
  eq: [EQ, false], ne: [EQ, true], in: [IN, false], notIn: [IN, true], contains: [CONTAINS, false],
  startsWith: [STARTS_WITH, false], endsWith: [ENDS_WITH, false], matches: [MATCHES, false],
  gt: [GT, false], gte: [GTE, false], lt: [LT, false], lte: [LTE, false], before: [BEFORE, false],
  after: [AFTER, false], semverEq: [SEMVER_EQ, false], semverGt: [SEMVER_GT, false],
  semverLt: [SEMVER_LT, false], exists: [EXISTS, false],
};

const NOTHING = Symbol('never equal');
const SET_THRESHOLD = 8;
const NO_PATH: AttributePath = { head: '', rest: null };

export function anyCondition(groups: readonly (readonly Condition[])[]): Condition {
  return new Condition(NO_PATH, ANY, false, NOTHING, NaN, null, null, null, null, groups, null);
}

/** A reference to a segment; null (unknown segment) never matches. */
export function segmentCondition(segment: PreparedSegment | null): Condition {
  return new Condition(NO_PATH, segment === null ? NEVER : SEGMENT, false, NOTHING, NaN, null, null, null, null, null, segment);
}

/**
 * One prepared condition: an attribute test, an `any` group or a segment reference. Every field is
 * set for every kind so the hot loop sees a single object shape.
 */
export class Condition {
  constructor(
    readonly path: AttributePath,
    readonly op: number,
    readonly negate: boolean,
    /** `eq` operand, `exists` flag. */
    readonly scalar: unknown,
    /** `gt`…`lte` operand, `before`/`after` epoch ms. */
    readonly num: number,
    /** `in` operands: a Set for long lists, else `list` (a short scan beats hashing and weighs less). */
    readonly set: ReadonlySet<unknown> | null,
    /** `in` operands (short lists), `contains`/`startsWith`/`endsWith` strings. */
    readonly list: readonly unknown[] | null,
    readonly regex: RegExp | null,
    readonly version: SemVer | null,
    readonly groups: readonly (readonly Condition[])[] | null = null,
    readonly segment: PreparedSegment | null = null,
  ) {}
}

const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function toMillis(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? Date.parse(value) : NaN;
}

function compileRegex(pattern: unknown): RegExp | null {
  if (typeof pattern !== 'string') return null;
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

/** Prepares `{ attr, op, value }`; an unknown operator or unusable operand becomes a condition that never matches. */
export function prepareCondition(attr: string, operator: CompiledOperator, value: Json): Condition {
  const [code, negate] = CODES[operator] ?? [NEVER, false];
  let op = code;
  const list = Array.isArray(value) ? value : [value];
  const strings = list.filter((v): v is string => typeof v === 'string');
  let scalar: unknown = NOTHING, set: Set<unknown> | null = null, version: SemVer | null = null;
  let operands: readonly unknown[] | null = op >= CONTAINS && op <= ENDS_WITH ? strings : null;
  if (op === EQ) scalar = isScalar(value) ? value : NOTHING;
  if (op === IN && list.length === 1) [op, scalar] = [EQ, isScalar(list[0]) ? list[0] : NOTHING];
  else if (op === IN && list.length > SET_THRESHOLD) set = new Set(list.filter(isScalar));
  else if (op === IN) operands = list.every(isScalar) ? list : list.filter(isScalar);
  if (op === EXISTS) scalar = value !== false;
  if (op >= SEMVER_EQ && op <= SEMVER_LT) version = (typeof value === 'string' && parseSemVer(value)) || null;
  const num = op >= BEFORE && op <= AFTER ? toMillis(value) : typeof value === 'number' ? value : NaN;
  return new Condition(splitPath(attr), op, negate, scalar, num, set, operands,
    op === MATCHES ? compileRegex(value) : null, version);
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
  const parsed = typeof v === 'string' && c.version !== null ? parseSemVer(v) : undefined;
  return parsed === undefined ? NaN : compareSemVer(parsed, c.version as SemVer);
}

/** The operator on one present, non-null scalar value, before negation. */
export function testValue(c: Condition, v: unknown): boolean {
  switch (c.op) {
    case EQ: return v === c.scalar;
    case IN: return c.set !== null ? c.set.has(v) : includes(c.list as readonly unknown[], v);
    case CONTAINS: case STARTS_WITH: case ENDS_WITH:
      return typeof v === 'string' && someString(c.list as readonly unknown[], v, c.op);
    case MATCHES: return typeof v === 'string' && c.regex !== null && c.regex.test(v);
    case GT: return typeof v === 'number' && v > c.num;
    case GTE: return typeof v === 'number' && v >= c.num;
    case LT: return typeof v === 'number' && v < c.num;
    case LTE: return typeof v === 'number' && v <= c.num;
    case BEFORE: return toMillis(v) < c.num;
    case AFTER: return toMillis(v) > c.num;
    case SEMVER_EQ: return compareVersion(c, v) === 0;
    case SEMVER_GT: return compareVersion(c, v) > 0;
    case SEMVER_LT: return compareVersion(c, v) < 0;
    default: return false;
  }
}

/** The condition on an attribute value as read from the context (undefined when missing). */
export function testAttribute(c: Condition, v: unknown): boolean {
  if (v === undefined || v === null) return c.op === EXISTS && c.scalar === false;
  if (c.op === EXISTS) return c.scalar === true;
  if (typeof v !== 'object') return testValue(c, v) !== c.negate;
  if (!Array.isArray(v)) return false;
  let any = false;
  for (let i = 0; i < v.length && !any; i++) {
    const item: unknown = v[i];
    any = item !== null && typeof item !== 'object' && testValue(c, item);
  }
  return any !== c.negate;
}
