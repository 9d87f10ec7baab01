import { parse } from 'yaml';
import { detectStale, type DynamicReference, type FlagReference, type FlagRevision, type StaleFinding } from '../core/stale/index.js';
import type { FlagDoc } from '../core/types.js';
import { isGitRepository, readFlagsHistory, type FileRevision } from '../git/history.js';
import { loadProject } from '../io/project.js';
import { findReferences } from './references.js';

export interface StaleOptions {
  cwd?: string;
  /** The flags folder; default `flags`. */
  dir?: string;
  /** The clock ages are measured against; default now. */
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface StaleReport {
  findings: StaleFinding[];
  /** Flag reads whose key the scan could not resolve: check them by hand. */
  dynamic: DynamicReference[];
  references: FlagReference[];
  flags: number;
  /** False when the folder is not in a git repository, so nothing could be dated. */
  history: boolean;
  stats: { files: number; candidates: number; parsed: number; ms: number };
}

/**
 * The hygiene report: which flags are done (rolled out, long killed, expired), which are defined
 * but never read, and which are read but never defined, each with every code site.
 *
 * @example
 * const report = await staleReport({ cwd: repoRoot, now: new Date('2026-06-01') });
 */
export async function staleReport(options: StaleOptions = {}): Promise<StaleReport> {
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? new Date();
  const project = await loadProject(options.dir ?? 'flags', { cwd });
  const [scan, history] = await Promise.all([
    findReferences({ cwd, code: project.config.code, onProgress: options.onProgress }),
    readHistory(cwd, project.dir),
  ]);
  const flags = project.flags.filter((f) => f.value && typeof f.value === 'object' && typeof f.value.key === 'string');
  const findings = detectStale({ config: project.config, flags, history: history ?? new Map(), references: scan.references, now });
  return { findings, dynamic: scan.dynamic, references: scan.references, flags: flags.length, history: history !== undefined, stats: scan.stats };
}

async function readHistory(cwd: string, dir: string): Promise<Map<string, FlagRevision[]> | undefined> {
  if (!(await isGitRepository(cwd))) return undefined;
  const raw = await readFlagsHistory(cwd, dir);
  return new Map([...raw].map(([file, revisions]) => [file, revisions.map(toFlagRevision)]));
}

function toFlagRevision(revision: FileRevision): FlagRevision {
  return { sha: revision.sha, date: revision.date, flag: parseFlag(revision.text) };
}

function parseFlag(text: string | undefined): FlagDoc | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = parse(text);
    return value && typeof value === 'object' ? (value as FlagDoc) : undefined;
  } catch {
    return undefined;
  }
}
