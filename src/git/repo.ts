import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { GitError } from '../core/errors.js';

/** A change to one file, relative to the repository root; `text: null` deletes it. */
export interface FileUpdate {
  path: string;
  text: string | null;
}

export type PushResult =
  | { ok: true }
  | { ok: false; reason: 'protected' | 'non-fast-forward' | 'rejected'; message: string };

/**
 * The git operations flagops needs. Commits are built from a base commit and `FileUpdate`s in a
 * private index, never through the working tree: a change made for a branch or a PR cannot
 * disturb (or be disturbed by) what the user has checked out, and a retry re-applies the
 * change to a fresh tip instead of rebasing text.
 */
export interface Repo {
  /** Absolute path of the working tree root. */
  readonly root: string;
  fetch(): Promise<void>;
  /** The checked-out branch; undefined when HEAD is detached. */
  currentBranch(): Promise<string | undefined>;
  /** `origin`'s default branch (origin/HEAD, else asked from the remote, else main/master). */
  defaultBranch(): Promise<string>;
  /** The commit a ref points at; undefined when the ref does not exist. */
  resolve(ref: string): Promise<string | undefined>;
  readFile(ref: string, file: string): Promise<string | undefined>;
  /** The tree a commit points at (equal trees mean equal content). */
  treeOf(ref: string): Promise<string | undefined>;
  /** A new commit on top of `base` with the updates applied; the working tree is untouched. */
  commitFiles(base: string, updates: FileUpdate[], message: string): Promise<string>;
  /** Pushes a commit to `origin/<branch>`; rejections come back as data, other failures throw. */
  push(sha: string, branch: string, options?: { force?: boolean }): Promise<PushResult>;
  /** Uncommitted changes, optionally only under the given paths. */
  isDirty(paths?: string[]): Promise<boolean>;
  /** Moves the checked-out branch (and working tree) forward to `sha` when git can do it cleanly. */
  fastForward(sha: string): Promise<boolean>;
  remoteUrl(remote?: string): Promise<string | undefined>;
  /** Runs `fn` in a temporary detached checkout of `sha`, removed afterwards. */
  withWorktree<T>(sha: string, fn: (dir: string) => Promise<T>): Promise<T>;
}

const TRANSIENT = /cannot lock ref|index\.lock|Unable to create .*\.lock|shallow file has changed/i;

export async function openRepo(cwd: string): Promise<Repo> {
  const git = simpleGit({ baseDir: cwd });
  const root = (await run(git, ['rev-parse', '--show-toplevel'], 'find the git repository').catch((error: unknown) => {
    throw new GitError(`${cwd} is not inside a git repository`, { hint: 'Run the command in a clone of your flags repository.', cause: error });
  })).trim();
  return new SimpleGitRepo(root);
}

class SimpleGitRepo implements Repo {
  private readonly git: SimpleGit;
  constructor(readonly root: string) {
    this.git = simpleGit({ baseDir: root });
  }

  async fetch(): Promise<void> {
    await retryTransient(() => run(this.git, ['fetch', '--quiet', 'origin'], 'fetch from origin'));
  }

  async currentBranch(): Promise<string | undefined> {
    const name = await run(this.git, ['symbolic-ref', '--quiet', '--short', 'HEAD'], '').catch(() => '');
    return name.trim() || undefined;
  }

  async defaultBranch(): Promise<string> {
    const local = await run(this.git, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], '').catch(() => '');
    if (local.trim()) return local.trim().replace(/^origin\//, '');
    const remote = await run(this.git, ['ls-remote', '--symref', 'origin', 'HEAD'], '').catch(() => '');
    const match = /^ref: refs\/heads\/(\S+)\s+HEAD/m.exec(remote);
    if (match) return match[1]!;
    for (const name of ['main', 'master']) if (await this.resolve(`refs/remotes/origin/${name}`)) return name;
    throw new GitError('cannot tell the default branch of origin', {
      hint: 'Run `git remote set-head origin --auto`, or push a main branch first.',
    });
  }

  async resolve(ref: string): Promise<string | undefined> {
    const sha = await run(this.git, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], '').catch(() => '');
    return sha.trim() || undefined;
  }

  async readFile(ref: string, file: string): Promise<string | undefined> {
    return run(this.git, ['show', `${ref}:${file}`], '').catch(() => undefined);
  }

  async treeOf(ref: string): Promise<string | undefined> {
    const sha = await run(this.git, ['rev-parse', '--verify', '--quiet', `${ref}^{tree}`], '').catch(() => '');
    return sha.trim() || undefined;
  }

  async commitFiles(base: string, updates: FileUpdate[], message: string): Promise<string> {
    const temp = await mkdtemp(path.join(os.tmpdir(), 'flagops-index-'));
    const index = simpleGit({ baseDir: this.root }).env({ ...plumbingEnv(), GIT_INDEX_FILE: path.join(temp, 'index') });
    try {
      await run(index, ['read-tree', base], 'read the base tree');
      for (const update of updates) await this.stage(index, temp, update);
      const tree = (await run(index, ['write-tree'], 'write the tree')).trim();
      return (await run(this.git, ['commit-tree', tree, '-p', base, '-m', message], 'create the commit')).trim();
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }

  private async stage(index: SimpleGit, temp: string, update: FileUpdate): Promise<void> {
    if (update.text === null) {
      await run(index, ['update-index', '--force-remove', '--', update.path], `remove ${update.path}`);
      return;
    }
    const blobFile = path.join(temp, randomBytes(6).toString('hex'));
    await writeFile(blobFile, update.text);
    const blob = (await run(this.git, ['hash-object', '-w', `--path=${update.path}`, blobFile], `store ${update.path}`)).trim();
    await run(index, ['update-index', '--add', '--cacheinfo', `100644,${blob},${update.path}`], `stage ${update.path}`);
  }

  async push(sha: string, branch: string, options: { force?: boolean } = {}): Promise<PushResult> {
    const refspec = `${options.force ? '+' : ''}${sha}:refs/heads/${branch}`;
    try {
      await retryTransient(() => this.git.raw(['push', '--quiet', 'origin', refspec]));
      return { ok: true };
    } catch (error) {
      return classifyPushError(error);
    }
  }

  async isDirty(paths: string[] = []): Promise<boolean> {
    const out = await run(this.git, ['status', '--porcelain', '--untracked-files=no', '--', ...paths], 'read the status');
    return out.trim() !== '';
  }

  async fastForward(sha: string): Promise<boolean> {
    if (!(await this.currentBranch())) return false;
    return run(this.git, ['merge', '--ff-only', '--quiet', sha], '').then(() => true, () => false);
  }

  async remoteUrl(remote = 'origin'): Promise<string | undefined> {
    const url = await run(this.git, ['remote', 'get-url', remote], '').catch(() => '');
    return url.trim() || undefined;
  }

  async withWorktree<T>(sha: string, fn: (dir: string) => Promise<T>): Promise<T> {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'flagops-worktree-'));
    const dir = path.join(parent, 'tree');
    await run(this.git, ['worktree', 'add', '--quiet', '--detach', dir, sha], 'check out the pushed commit');
    try {
      return await fn(dir);
    } finally {
      await run(this.git, ['worktree', 'remove', '--force', dir], '').catch(() => undefined);
      await rm(parent, { recursive: true, force: true });
    }
  }
}

/**
 * The environment for index-only plumbing (read-tree, update-index, write-tree): the process
 * environment without the editor, pager, ssh and config-path variables simple-git refuses to
 * pass on, none of which these commands use.
 */
function plumbingEnv(): Record<string, string> {
  const skip = /^(editor|pager|prefix|ssh_askpass|git_(askpass|config.*|editor|exec_path|external_diff|pager|proxy_command|template_dir|sequence_editor|ssh|ssh_command))$/i;
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !skip.test(e[0])));
}

/** Sorts a push failure into the cases callers act on; anything else stays a plain rejection. */
export function classifyPushError(error: unknown): PushResult {
  const message = String((error as Error)?.message ?? error).trim();
  if (/protected branch|GH006|pre-receive hook declined|push declined/i.test(message)) return { ok: false, reason: 'protected', message };
  if (/non-fast-forward|fetch first|\(stale info\)|failed to update ref|cannot lock ref|incorrect old value/i.test(message)) {
    return { ok: false, reason: 'non-fast-forward', message };
  }
  return { ok: false, reason: 'rejected', message };
}

async function run(git: SimpleGit, args: string[], what: string): Promise<string> {
  try {
    return await git.raw(args);
  } catch (error) {
    if (!what) throw error;
    throw new GitError(`could not ${what}: ${firstLine(error)}`, {
      hint: 'Check that the repository has an `origin` remote you can reach and push to (`git fetch origin`).',
      cause: error,
    });
  }
}

async function retryTransient<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= attempts || !TRANSIENT.test(String((error as Error)?.message))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * i));
    }
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).trim().split('\n')[0] ?? '';
}
