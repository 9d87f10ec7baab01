/**
 * Reading context attributes by pre-split dotted paths. Only own properties count, so
 * `__proto__`, `constructor` or a polluted `Object.prototype` never answer for a missing attribute.
 */

const hasOwn = Object.prototype.hasOwnProperty;

/** A dotted attribute path, split once at load. */
export interface AttributePath {
  readonly head: string;
  /** The segments after the first, or null for a top-level attribute. */
  readonly rest: readonly string[] | null;
  /** The path as written (`account.plan`). */
  readonly name: string;
}

export function splitPath(attr: string): AttributePath {
  const parts = attr.split('.');
  return { head: parts[0] as string, rest: parts.length > 1 ? parts.slice(1) : null, name: attr };
}

/** The attribute's value, or undefined when any step of the path is missing or not an object. */
export function readAttribute(context: object, path: AttributePath): unknown {
  if (!hasOwn.call(context, path.head)) return undefined;
  let value = (context as Record<string, unknown>)[path.head];
  const rest = path.rest;
  if (rest === null) return value;
  for (let i = 0; i < rest.length; i++) {
    const key = rest[i] as string;
    if (typeof value !== 'object' || value === null || !hasOwn.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The string a rollout hashes: strings as they are, finite numbers and bigints in decimal; '' for anything else. */
export function bucketKey(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return String(value);
  return '';
}
