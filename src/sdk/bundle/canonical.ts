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
  const parts: string[] = [];
  write(value, '$', parts);
  return parts.join('');
}

function write(value: unknown, path: string, parts: string[]): void {
  if (value === null) {
    parts.push('null');
  } else if (typeof value === 'boolean') {
    parts.push(value ? 'true' : 'false');
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON: ${path} is ${value}, which JSON cannot represent`);
    // JSON.stringify prints -0 as 0 and otherwise uses ECMAScript Number::toString, as RFC 8785 asks.
    parts.push(JSON.stringify(value));
  } else if (typeof value === 'string') {
    parts.push(JSON.stringify(value));
  } else if (Array.isArray(value)) {
    writeArray(value, path, parts);
  } else if (isPlainObject(value)) {
    writeObject(value, path, parts);
  } else {
    throw new TypeError(`canonical JSON: ${path} is ${describe(value)}, which JSON cannot represent`);
  }
}

function writeArray(value: unknown[], path: string, parts: string[]): void {
  parts.push('[');
  for (let i = 0; i < value.length; i++) {
    if (i > 0) parts.push(',');
    const item = value[i];
    if (item === undefined) throw new TypeError(`canonical JSON: ${path}[${i}] is undefined`);
    write(item, `${path}[${i}]`, parts);
  }
  parts.push(']');
}

function writeObject(value: Record<string, unknown>, path: string, parts: string[]): void {
  // Default sort compares UTF-16 code units, which is exactly RFC 8785's key order.
  const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort();
  parts.push('{');
  keys.forEach((key, i) => {
    if (i > 0) parts.push(',');
    parts.push(JSON.stringify(key), ':');
    write(value[key], `${path}.${key}`, parts);
  });
  parts.push('}');
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
