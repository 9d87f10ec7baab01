/**
 * Semantic versions (semver.org 2.0): `MAJOR.MINOR.PATCH[-prerelease][+build]`, nothing looser.
 * Anything else is not a version, and the semver operators do not match it.
 */

export interface SemVer {
  readonly core: readonly [number, number, number];
  /** Pre-release identifiers; numeric ones as numbers. Empty for a release. */
  readonly pre: readonly (string | number)[];
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
  const pre = m[4] === undefined ? [] : m[4].split('.').map((id) => (/^(0|[1-9]\d*)$/.test(id) ? Number(id) : id));
  return { core, pre };
}

function compareIdentifiers(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // Numeric identifiers have lower precedence than alphanumeric ones.
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
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
    const d = compareIdentifiers(a.pre[i] as string | number, b.pre[i] as string | number);
    if (d !== 0) return d;
  }
  return a.pre.length - b.pre.length;
}
