/**
 * A cheap structural check of a parsed payload: enough that an evaluator can index into it
 * without surprises. Not a schema validator (the JSON Schema in `schemas/` is the full contract).
 */
import { BUNDLE_FORMAT, type BundlePayload } from './types.js';

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
  for (const [key, segment] of Object.entries(value.segments)) {
    if (!isRecord(segment) || typeof segment.attr !== 'string') return `Segment "${key}" in the payload needs a string "attr".`;
  }
  return value as unknown as BundlePayload;
}

function checkFlag(flag: unknown): string | undefined {
  if (!isRecord(flag)) return 'is not an object';
  const { values, names, kill } = flag;
  if (!Array.isArray(values) || values.length === 0) return 'needs a non-empty "values" array';
  if (!Array.isArray(names) || names.length !== values.length) return 'needs "names" matching "values"';
  if (!VALUE_TYPES.has(flag.type as string)) return 'has an unknown "type"';
  if (!isIndex(kill, values.length)) return 'has a "kill" index out of range';
  if (typeof flag.salt !== 'string') return 'needs a string "salt"';
  if (!Array.isArray(flag.rules)) return 'needs a "rules" array';
  if (!flag.rules.every((rule) => isRecord(rule) && Array.isArray(rule.when) && isServe(rule.serve, values.length))) {
    return 'has a rule without "when" conditions or a valid "serve"';
  }
  if (!isServe(flag.default, values.length)) return 'has an invalid "default" serve';
  return undefined;
}

function isServe(serve: unknown, count: number): boolean {
  if (!isRecord(serve)) return false;
  if ('v' in serve) return isIndex(serve.v, count);
  return Array.isArray(serve.split) && serve.split.every((n) => Number.isSafeInteger(n)) && typeof serve.by === 'string';
}

function isIndex(value: unknown, count: number): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < count;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
