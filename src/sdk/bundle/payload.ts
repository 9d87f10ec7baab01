/**
 * A cheap structural check of a parsed payload: enough that an evaluator can index into it
 * without surprises. Not a schema validator (the JSON Schema in `schemas/` is the full contract).
 */
import { BUCKETS, BUNDLE_FORMAT, type BundlePayload, type CompiledFlag } from './types.js';

const VALUE_TYPES = new Set(['boolean', 'string', 'number', 'object']);

/** The payload typed, or a sentence saying what is wrong with it. */
export function checkPayload(value: unknown): BundlePayload | string {
  if (!isRecord(value)) return 'The payload is not a JSON object.';
  if (value.format !== BUNDLE_FORMAT) return `The payload has format ${JSON.stringify(value.format)}; this SDK reads format ${BUNDLE_FORMAT}. Upgrade flagops.`;
  for (const field of ['environment', 'issuedAt', 'expiresAt', 'source'] as const) {
    if (typeof value[field] !== 'string') return `The payload field "${field}" must be a string.`;
  }
  if (!Number.isSafeInteger(value.version) || (value.version as number) < 0) return 'The payload field "version" must be a non-negative integer.';
  if (!isRecord(value.flags)) return 'The payload field "flags" must be an object.';
  if (!isRecord(value.segments)) return 'The payload field "segments" must be an object.';
  for (const [key, flag] of Object.entries(value.flags)) {
    const problem = checkFlag(flag);
    if (problem) return `Flag "${key}" in the payload ${problem}.`;
  }
  const prerequisiteProblem = checkPrerequisites(value.flags as Record<string, CompiledFlag>);
  if (prerequisiteProblem) return prerequisiteProblem;
  for (const [key, segment] of Object.entries(value.segments)) {
    if (!isRecord(segment) || typeof segment.attr !== 'string') return `Segment "${key}" in the payload needs a string "attr".`;
  }
  return value as unknown as BundlePayload;
}

/** A prerequisite on a flag the bundle lacks fails at evaluation; one on a variation it lacks is a broken bundle. */
function checkPrerequisites(flags: Record<string, CompiledFlag>): string | undefined {
  for (const [key, flag] of Object.entries(flags)) {
    for (const p of flag.prerequisites ?? []) {
      const names = Object.prototype.hasOwnProperty.call(flags, p.flag) ? flags[p.flag]!.names : undefined;
      if (names !== undefined && p.variation >= names.length) return `Flag "${key}" in the payload has a prerequisite on a variation ${p.flag} does not have.`;
    }
  }
  return undefined;
}

function checkFlag(flag: unknown): string | undefined {
  if (!isRecord(flag)) return 'is not an object';
  const { values, names, kill } = flag;
  if (!Array.isArray(values) || values.length === 0) return 'needs a non-empty "values" array';
  if (!Array.isArray(names) || names.length !== values.length) return 'needs "names" matching "values"';
  if (!VALUE_TYPES.has(flag.type as string)) return 'has an unknown "type"';
  if (!values.every((value) => typeOf(value) === flag.type)) return `needs "values" of type ${String(flag.type)} only`;
  if (!isIndex(kill, values.length)) return 'has a "kill" index out of range';
  if (typeof flag.salt !== 'string') return 'needs a string "salt"';
  if (!Array.isArray(flag.rules)) return 'needs a "rules" array';
  if (!flag.rules.every((rule) => isRecord(rule) && Array.isArray(rule.when) && isServe(rule.serve, values.length))) {
    return 'has a rule without "when" conditions or a valid "serve"';
  }
  if (!isServe(flag.default, values.length)) return 'has an invalid "default" serve';
  const { prerequisites } = flag;
  if (prerequisites !== undefined && !(Array.isArray(prerequisites) && prerequisites.every(isPrerequisite))) {
    return 'has a prerequisite without a flag key and a variation index';
  }
  return undefined;
}

/** The variation index is checked against the other flag when prerequisites are resolved. */
function isPrerequisite(p: unknown): boolean {
  return isRecord(p) && typeof p.flag === 'string' && Number.isSafeInteger(p.variation) && (p.variation as number) >= 0;
}

/** A value's type as the compiler names it: anything not boolean, string or number is an object (null too). */
function typeOf(value: unknown): string {
  const type = typeof value;
  return type === 'boolean' || type === 'string' || type === 'number' ? type : 'object';
}

function isServe(serve: unknown, count: number): boolean {
  if (!isRecord(serve)) return false;
  if ('v' in serve) return isIndex(serve.v, count);
  return isSplit(serve.split, count) && typeof serve.by === 'string';
}

/** One cumulative bound per variation, non-decreasing, within the bucket space. */
function isSplit(split: unknown, count: number): boolean {
  if (!Array.isArray(split) || split.length !== count) return false;
  let previous = 0;
  for (const bound of split) {
    if (!Number.isSafeInteger(bound) || bound < previous || bound > BUCKETS) return false;
    previous = bound;
  }
  return true;
}

function isIndex(value: unknown, count: number): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < count;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
