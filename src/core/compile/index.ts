/** Lint-clean flag and segment files → the payload of one environment's bundle. Pure. */
import { BUNDLE_FORMAT, type BundlePayload, type CompiledFlag, type CompiledSegment } from '../../sdk/bundle/types.js';
import { ConfigError } from '../errors.js';
import type { ParsedFile } from '../parse.js';
import { isObject, keyFromPath, type ParsedProject } from '../project.js';
import type { FlagDoc, SegmentDoc } from '../types.js';
import { compileFlag, variationsOf, type Variations } from './flag.js';
import { compileSegment } from './segment.js';

export { variationsOf, type Variations } from './flag.js';

export interface BundleMeta {
  /** Strictly increasing per environment (see README, "the version rule"). */
  version: number;
  /** RFC 3339, the commit's time: never the wall clock, so compiles are reproducible. */
  issuedAt: string;
  /** The commit compiled: `<sha>` or `<sha>+dirty`. */
  source: string;
  ttlSeconds: number;
}

/**
 * Compiles a parsed project for one environment. Expects a lint-clean project; anything lint
 * let through that cannot be compiled throws a located ConfigError rather than compiling wrong.
 */
export function compileBundle(project: ParsedProject, environment: string, meta: BundleMeta): BundlePayload {
  const bucketBy = project.config.defaults.bucketBy;
  const flagFiles = keyedFiles(project.flags);
  const variationsByKey = new Map<string, Variations>();
  for (const [key, parsed] of flagFiles) variationsByKey.set(key, variationsOf(parsed));
  const flags: Record<string, CompiledFlag> = {};
  for (const [key, parsed] of flagFiles) flags[key] = compileFlag(parsed, key, environment, { bucketBy, variationsByKey });
  const segments: Record<string, CompiledSegment> = {};
  for (const [key, parsed] of keyedFiles(project.segments)) segments[key] = compileSegment(parsed, bucketBy);
  return {
    format: BUNDLE_FORMAT,
    environment,
    version: meta.version,
    issuedAt: meta.issuedAt,
    expiresAt: addSeconds(meta.issuedAt, meta.ttlSeconds),
    source: meta.source,
    flags,
    segments,
  };
}

/** `issuedAt + seconds` as RFC 3339 UTC without milliseconds. */
export function addSeconds(iso: string, seconds: number): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new ConfigError(`not a timestamp: ${iso}`);
  return toRfc3339(ms + seconds * 1000);
}

export function toRfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function keyedFiles<T extends FlagDoc | SegmentDoc>(files: ParsedFile<T>[]): [string, ParsedFile<T>][] {
  const seen = new Map<string, ParsedFile<T>>();
  for (const parsed of files) {
    if (!isObject(parsed.value)) {
      throw new ConfigError(`${parsed.file}:1:1 cannot compile: the file does not hold a map`, { hint: 'Run `flags lint` and fix what it reports.' });
    }
    const key = typeof parsed.value.key === 'string' ? parsed.value.key : keyFromPath(parsed.file);
    const other = seen.get(key);
    if (other) throw new ConfigError(`${parsed.file}:1:1 cannot compile: key "${key}" is also declared in ${other.file}`, { hint: 'Keys must be unique; rename one file and its key.' });
    seen.set(key, parsed);
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
