import { simpleGit } from 'simple-git';
import { GitError } from '../core/errors.js';

/** What a bundle's metadata is taken from: the commit being compiled. */
export interface CommitInfo {
  sha: string;
  /** Committer date, ISO 8601 with offset. */
  time: string;
  /** Commits reachable from HEAD along first parents (HEAD included). */
  firstParentCount: number;
  /** Uncommitted (or untracked) changes under the inspected paths. */
  dirty: boolean;
}

/**
 * Reads HEAD's sha, committer time and first-parent depth, and whether `paths` (default: the
 * whole tree) have uncommitted changes. Throws a GitError when `cwd` is not in a git repository
 * or has no commit yet.
 */
export async function readCommitInfo(cwd: string, options: { paths?: string[] } = {}): Promise<CommitInfo> {
  const git = simpleGit({ baseDir: cwd });
  let head: string;
  try {
    head = await git.raw(['log', '-1', '--format=%H%x1f%cI']);
  } catch (error) {
    throw new GitError(`${cwd} is not a git repository with a commit`, {
      hint: 'Bundles take their version and time from the commit: commit the flags folder first, or pass --bundle-version N to compile outside git.',
      cause: error,
    });
  }
  const [sha = '', time = ''] = head.trim().split('\x1f');
  const count = Number((await git.raw(['rev-list', '--first-parent', '--count', 'HEAD'])).trim());
  const status = await git.raw(['status', '--porcelain', '--untracked-files=all', '--', ...(options.paths ?? ['.'])]);
  return { sha, time, firstParentCount: count, dirty: status.trim() !== '' };
}
