import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { keyFromPath, type ParsedProject } from '../core/project.js';
import { loadProject, toPosix } from '../io/project.js';
import { openRepo, type Repo } from './repo.js';

/** A flag located in the working tree and in the repository. */
export interface FlagLocation {
  project: ParsedProject;
  repo: Repo;
  /** Relative to cwd, for messages. */
  file: string;
  /** Relative to the repository root, for git. */
  repoPath: string;
  env: string;
}

export async function locateFlag(options: { cwd: string; dir?: string; key: string; env?: string }): Promise<FlagLocation> {
  const project = await loadProject(options.dir ?? 'flags', { cwd: options.cwd });
  const found = project.flags.find((f) => keyFromPath(f.file) === options.key);
  if (!found) {
    const near = project.flags.map((f) => keyFromPath(f.file)).filter((k) => k.includes(options.key) || options.key.includes(k));
    throw new UsageError(`no flag "${options.key}" in ${project.dir}/`, {
      hint: near.length > 0 ? `Did you mean ${near.join(', ')}?` : '`flags list` shows every flag; the key is the file name without .yaml.',
    });
  }
  const env = options.env ?? project.config.environments[0] ?? 'production';
  if (!project.config.environments.includes(env)) {
    throw new UsageError(`unknown environment "${env}"`, { hint: `${project.dir}/flagops.yaml declares: ${project.config.environments.join(', ')}.` });
  }
  const repo = await openRepo(options.cwd);
  const repoPath = toPosix(path.relative(repo.root, path.resolve(options.cwd, found.file)));
  return { project, repo, file: found.file, repoPath, env };
}

/** The file text at a commit; a flag only in the working tree cannot be changed through git. */
export async function requireText(read: (file: string) => Promise<string | undefined>, loc: FlagLocation, where: string): Promise<string> {
  const text = await read(loc.repoPath);
  if (text !== undefined) return text;
  throw new UsageError(`${loc.file} is not on ${where}`, { hint: 'Commit and merge the flag first; then ramp or kill it.' });
}
