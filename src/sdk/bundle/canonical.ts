/**
 * Canonical JSON (RFC 8785 style): object keys sorted by UTF-16 code units, no whitespace,
 * numbers in ECMAScript form, strings escaped as `JSON.stringify` does. Signing and verifying
 * both go through this one function, so the bytes cannot drift between them.
 */

/**
 * Serializes `value` canonically. Object properties whose value is `undefined` are left out;
 * anything JSON cannot represent faithfully (non-finite numbers, `undefined` in arrays, bigints,
 * functions, symbols, class instances) throws a `TypeError` naming the path.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  try {
    return write(value);
  } catch (error) {
    if (error instanceof Unrepresentable) throw new TypeError(`canonical JSON: $${error.path.reverse().join('')} is ${error.what}, which JSON cannot represent`);
    throw error;
  }
}

/** Thrown deep inside; each level adds its segment on the way out, so no path is built unless needed. */
class Unrepresentable {
  readonly path: string[] = [];
  constructor(readonly what: string) {}
}

function write(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Unrepresentable(String(value));
      // JSON.stringify prints -0 as 0 and otherwise uses ECMAScript Number::toString, as RFC 8785 asks.
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return writeArray(value);
      if (isPlainObject(value)) return writeObject(value);
  }
  throw new Unrepresentable(describe(value));
}

function writeArray(value: unknown[]): string {
  let out = '[';
  for (let i = 0; i < value.length; i++) {
    try {
      if (value[i] === undefined) throw new Unrepresentable('undefined');
      out += (i > 0 ? ',' : '') + write(value[i]);
    } catch (error) {
      if (error instanceof Unrepresentable) error.path.push(`[${i}]`);
      throw error;
    }
  }
  return `${out}]`;
}

function writeObject(value: Record<string, unknown>): string {
  // Default sort compares UTF-16 code units, which is exactly RFC 8785's key order.
  const keys = Object.keys(value).sort();
  let out = '{';
  for (const key of keys) {
    const item = value[key];
    if (item === undefined) continue;
    try {
      out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${write(item)}`;
    } catch (error) {
      if (error instanceof Unrepresentable) error.path.push(`.${key}`);
      throw error;
    }
  }
  return `${out}}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'object') return `a ${(value as object).constructor?.name ?? 'non-plain'} object`;
  return `a ${typeof value}`;
}
