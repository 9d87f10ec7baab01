/**
 * Semantic versions (semver.org 2.0): `MAJOR.MINOR.PATCH[-prerelease][+build]`, nothing looser.
 * Anything else is not a version, and the semver operators do not match it.
 */

type Identifier = string | number | bigint;

export interface SemVer {
  readonly core: readonly [number, number, number];
  /** Pre-release identifiers; numeric ones as numbers (bigints past 15 digits, to compare exactly). Empty for a release. */
  readonly pre: readonly Identifier[];
}

const PATTERN =
  /^(0|[1-9]\d{0,15})\.(0|[1-9]\d{0,15})\.(0|[1-9]\d{0,15})(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

// A cap keeps the regex off megabyte-long attribute values.
const MAX_LENGTH = 256;

export function parseSemVer(text: string): SemVer | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  const m = PATTERN.exec(text);
  if (m === null) return undefined;
  const core: [number, number, number] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!Number.isSafeInteger(core[0]) || !Number.isSafeInteger(core[1]) || !Number.isSafeInteger(core[2])) return undefined;
  const pre = m[4] === undefined ? [] : m[4].split('.').map(identifier);
  if (pre.includes(INVALID)) return undefined;
  return { core, pre };
}

const INVALID = '';

/** A pre-release identifier; a numeric one with a leading zero is invalid (semver.org §9). */
function identifier(id: string): Identifier {
  if (!/^\d+$/.test(id)) return id;
  if (id.length > 1 && id[0] === '0') return INVALID;
  return id.length > 15 ? BigInt(id) : Number(id);
}

function compareIdentifiers(a: Identifier, b: Identifier): number {
  // Numeric identifiers have lower precedence than alphanumeric ones (semver.org §11).
  const aText = typeof a === 'string', bText = typeof b === 'string';
  if (aText !== bText) return aText ? 1 : -1;
  // Numbers compare numerically (number and bigint mix exactly), strings in ASCII order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative, zero or positive as `a` precedes, equals or follows `b` (build metadata ignored). */
export function compareSemVer(a: SemVer, b: SemVer): number {
  for (let i = 0; i < 3; i++) {
    const d = (a.core[i] as number) - (b.core[i] as number);
    if (d !== 0) return d;
  }
  // A release follows its pre-releases.
  if (a.pre.length === 0 || b.pre.length === 0) return b.pre.length - a.pre.length;
  const n = Math.min(a.pre.length, b.pre.length);
  for (let i = 0; i < n; i++) {
    const d = compareIdentifiers(a.pre[i] as Identifier, b.pre[i] as Identifier);
    if (d !== 0) return d;
  }
  return a.pre.length - b.pre.length;
}
