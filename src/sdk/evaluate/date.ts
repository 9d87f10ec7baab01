/**
 * Dates for `before` / `after`, read the same way in every SDK and every time zone: epoch
 * milliseconds, or RFC 3339 text. `Date.parse` is not used because it reads an offset-less
 * date-time in the process's local zone, rolls `2024-02-30` over to March and accepts free-form
 * text that other languages do not.
 *
 * - `2024-06-01` is midnight UTC;
 * - `2024-06-01T10:00:00`, `…T10:00`, `…T10:00:00.250` without an offset are UTC;
 * - `…Z`, `…+02:00`, `…-0530` carry their offset; `t`/`z`/a space are accepted as in RFC 3339.
 * Anything else, or an impossible calendar date, is not a date (NaN): the operator does not match.
 */

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

// Long enough for any RFC 3339 text; keeps the regex off huge attribute values.
const MAX_LENGTH = 40;

/** Epoch milliseconds of `value` (a finite number or RFC 3339 text), NaN when it is neither. */
export function toMillis(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  return typeof value === 'string' ? parseRfc3339(value) : NaN;
}

export function parseRfc3339(text: string): number {
  if (text.length > MAX_LENGTH) return NaN;
  const m = PATTERN.exec(text);
  if (m === null) return NaN;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return NaN;
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const offset = offsetMinutes(m[8]);
  if (Number.isNaN(offset)) return NaN;
  return utc(year, month, day, hour, minute, second, millis) - offset * 60_000;
}

/** 400 Gregorian years, in ms: the calendar repeats, which moves years 0–99 past Date.UTC's 1900 + year reading. */
const FOUR_CENTURIES = 146_097 * 86_400_000;

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return Date.UTC(year + 400, month - 1, day, hour, minute, second, millis) - FOUR_CENTURIES;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Minutes east of UTC; 0 without an offset (UTC), NaN when out of range. */
function offsetMinutes(offset: string | undefined): number {
  if (offset === undefined || offset === 'Z' || offset === 'z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return NaN;
  return (offset[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}
