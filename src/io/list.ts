import { listFlags, unlistedFlags, type FlagListing } from '../core/list.js';
import type { Diagnostic } from '../core/types.js';
import { isGitRepository, readFlagsHistory } from '../git/history.js';
import { loadProject } from './project.js';

export interface ListOptions {
  cwd: string;
  dir?: string;
  env?: string;
  /** `YYYY-MM-DD`; default today. */
  today?: string;
}

export interface ProjectListing {
  flags: FlagListing[];
  /** Flag files that could not be listed, located. */
  problems: Diagnostic[];
}

/** `flags list` without the printing: each flag's state per environment, and its age when git knows it. */
export async function listProject(options: ListOptions): Promise<ProjectListing> {
  const project = await loadProject(options.dir ?? 'flags', { cwd: options.cwd });
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const rows = listFlags(project, { env: options.env, today });
  const created = await creationDates(options.cwd, project.dir);
  const flags = rows.map((row) => {
    const date = created.get(row.file);
    if (!date) return row;
    return { ...row, createdAt: date.slice(0, 10), ageDays: Math.max(0, Math.floor((Date.parse(today) - Date.parse(date.slice(0, 10))) / 86_400_000)) };
  });
  return { flags, problems: unlistedFlags(project) };
}

/** File → date of its first commit; empty outside a git repository or when git fails (age is optional). */
async function creationDates(cwd: string, dir: string): Promise<Map<string, string>> {
  if (!(await isGitRepository(cwd))) return new Map();
  try {
    const history = await readFlagsHistory(cwd, dir);
    return new Map([...history].flatMap(([file, revisions]) => (revisions.length > 0 ? [[file, revisions.at(-1)!.date] as const] : [])));
  } catch {
    return new Map();
  }
}
