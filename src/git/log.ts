import { diffFlag, type Change } from '../core/diff.js';
import { UsageError } from '../core/errors.js';
import { parseYamlFile } from '../core/parse.js';
import { keyFromPath } from '../core/project.js';
import type { FlagDoc } from '../core/types.js';
import { loadProject } from '../io/project.js';
import { readFileHistory, readFlagsHistory, type FileRevision } from './history.js';

export interface FlagLogEntry {
  sha: string;
  date: string;
  author: string;
  email: string;
  subject: string;
  /** The pull request number, when the subject names one (`… (#12)`, `Merge pull request #12`). */
  pr?: number;
  /** What changed, in words; empty when only formatting, comments or descriptions changed. */
  changes: Change[];
}

export interface FlagLog {
  key: string;
  /** The flag file's latest path, relative to cwd. */
  file: string;
  /** Newest first. */
  entries: FlagLogEntry[];
}

/** A flag's audit trail from git history: who, when, which commit or PR, what changed. */
export async function flagLog(options: { cwd: string; dir?: string; key: string }): Promise<FlagLog> {
  const project = await loadProject(options.dir ?? 'flags', { cwd: options.cwd });
  const current = project.flags.find((f) => keyFromPath(f.file) === options.key)?.file;
  const { file, revisions } = current
    ? { file: current, revisions: await readFileHistory(options.cwd, current) }
    : await deletedFlag(options.cwd, project.dir, options.key);
  const docs = revisions.map((r) => parseRevision(r));
  const entries = revisions.map((revision, i) => ({
    sha: revision.sha,
    date: revision.date,
    author: revision.author,
    email: revision.email,
    subject: revision.subject,
    pr: prNumber(revision.subject),
    changes: diffFlag(docs[i + 1], docs[i]),
  }));
  return { key: options.key, file, entries };
}

async function deletedFlag(cwd: string, dir: string, key: string): Promise<{ file: string; revisions: FileRevision[] }> {
  const history = await readFlagsHistory(cwd, dir);
  for (const [file, revisions] of history) {
    if (keyFromPath(file) === key) return { file: revisions[0]?.path ?? file, revisions };
  }
  throw new UsageError(`no flag "${key}" in ${dir}/ or its git history`, { hint: '`flags list` shows every flag; the key is the file name without .yaml.' });
}

function parseRevision(revision: FileRevision): FlagDoc | undefined {
  if (revision.text === undefined) return undefined;
  const parsed = parseYamlFile<FlagDoc>({ path: revision.path, text: revision.text });
  return parsed.value && typeof parsed.value === 'object' ? parsed.value : undefined;
}

export function prNumber(subject: string): number | undefined {
  const match = /\(#(\d+)\)\s*$/.exec(subject) ?? /^Merge pull request #(\d+)/.exec(subject);
  return match ? Number(match[1]) : undefined;
}
