import { simpleGit } from 'simple-git';
import { GitError } from '../core/errors.js';
import { CONFIG_FILE, type ProjectFiles } from '../core/project.js';
import { openRepo } from './repo.js';

export interface BaseRevision {
  /** The ref asked for or chosen (`origin/main`). */
  ref: string;
  /** The merge base of HEAD and `ref`: what the pull request is compared with. */
  sha: string;
  /** The flags folder at that commit; undefined when it had none. */
  files?: ProjectFiles;
}

/**
 * The base a check compares against: `--base`, else `origin/$GITHUB_BASE_REF` in a pull-request
 * workflow, else origin's default branch; then its merge base with HEAD, so commits that landed
 * on the base after the branch was cut are not counted as this change.
 */
export async function readBaseRevision(cwd: string, dir: string, options: { base?: string; env: Record<string, string | undefined> }): Promise<BaseRevision> {
  const repo = await openRepo(cwd);
  const ref = options.base ?? (options.env.GITHUB_BASE_REF ? `origin/${options.env.GITHUB_BASE_REF}` : `origin/${await repo.defaultBranch()}`);
  const tip = await repo.resolve(ref);
  if (!tip) {
    throw new GitError(`the base revision ${ref} does not exist here`, {
      hint: 'Fetch it (`git fetch origin`; in GitHub Actions use actions/checkout with fetch-depth: 0) or pass --base REF.',
    });
  }
  const git = simpleGit({ baseDir: cwd });
  const sha = (await git.raw(['merge-base', 'HEAD', tip]).catch(() => tip)).trim() || tip;
  return { ref, sha, files: await readFolderAt(cwd, sha, dir) };
}

/** The flags folder as committed at `sha`, classified the way `readProject` does it. */
async function readFolderAt(cwd: string, sha: string, dir: string): Promise<ProjectFiles | undefined> {
  const git = simpleGit({ baseDir: cwd });
  const prefix = dir === '.' ? '' : `${dir.replace(/\/+$/, '')}/`;
  const listing = await git.raw(['ls-tree', '-r', '--name-only', sha, '--', prefix || '.']);
  const names = listing.split('\n').filter((n) => /\.ya?ml$/.test(n) && n.startsWith(prefix)).sort();
  if (names.length === 0) return undefined;
  const files: ProjectFiles = { dir, flags: [], segments: [], tests: [] };
  for (const name of names) {
    const text = await git.raw(['show', `${sha}:./${name}`]);
    const inner = name.slice(prefix.length);
    const source = { path: name, text };
    if (inner === CONFIG_FILE) files.config = source;
    else if (inner.startsWith('segments/')) files.segments.push(source);
    else if (inner.startsWith('tests/')) files.tests.push(source);
    else if (!inner.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) files.flags.push(source);
  }
  return files;
}
