import type { JsonValue } from '../types.js';

/**
 * The i-th context of a distribution: `{i}` in strings becomes i, arrays are cycled through
 * (element i mod length), objects are filled in recursively, other values stay as they are.
 */
export function contextAt(template: Record<string, JsonValue>, i: number): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(template)) out[key] = fill(value, i);
  return out;
}

function fill(value: JsonValue, i: number): JsonValue {
  if (typeof value === 'string') return value.replaceAll('{i}', String(i));
  if (Array.isArray(value)) return value.length === 0 ? null : fill(value[i % value.length]!, i);
  if (value !== null && typeof value === 'object') return contextAt(value, i);
  return value;
}
