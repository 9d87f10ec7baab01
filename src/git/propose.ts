import { ForgeError, GitError } from '../core/errors.js';
import type { ChangeBuilder, PlannedChange } from './change.js';
import { commitMessage } from './direct.js';
import type { AutoMergeResult, Forge, PullRequest } from './forge.js';
import type { Repo } from './repo.js';

export interface ProposeInput {
  repo: Repo;
  forge: Forge;
  /** Head branch, e.g. `flags/ramp/new-pdf-engine/production-25`. */
  branch: string;
  build: ChangeBuilder;
  labels?: string[];
  autoMerge?: boolean;
}

export type ProposeResult =
  | { status: 'created' | 'updated'; pr: PullRequest; branch: string; base: string; pushed: boolean; change: PlannedChange; autoMerge?: AutoMergeResult }
  | { status: 'no-change'; base: string; change: PlannedChange };

/**
 * Proposes a change as a pull request, idempotently: the branch starts from the up-to-date
 * default branch, an open PR for the branch is updated instead of opening a second one, and the
 * working tree is never touched. Access is checked before anything is pushed; a branch pushed
 * without its PR is reported in the error.
 */
export async function proposeChange(input: ProposeInput): Promise<ProposeResult> {
  const { repo, forge, branch } = input;
  const { defaultBranch: base } = await forge.getRepository();
  await repo.fetch();
  const baseSha = await repo.resolve(`refs/remotes/origin/${base}`);
  if (!baseSha) throw new GitError(`origin has no branch ${base} (the repository's default branch)`, { hint: 'Push it first, then rerun.' });
  const change = await input.build((file) => repo.readFile(baseSha, file));
  if (change.updates.length === 0) return { status: 'no-change', base, change };
  const pushed = await pushBranch(repo, baseSha, branch, change);
  try {
    const existing = await forge.findOpenPullRequest(branch);
    const pr = existing
      ? await forge.updatePullRequest(existing.number, { title: change.title, body: change.body })
      : await forge.createPullRequest({ head: branch, base, title: change.title, body: change.body });
    await forge.addLabels(pr.number, (input.labels ?? []).filter((l) => !pr.labels.includes(l)));
    const autoMerge = input.autoMerge ? await requestAutoMerge(forge, pr) : undefined;
    return { status: existing ? 'updated' : 'created', pr, branch, base, pushed, change, autoMerge };
  } catch (error) {
    if (!(error instanceof ForgeError)) throw error;
    throw new ForgeError(`${error.message}; branch ${branch} is on origin without a pull request`, {
      status: error.status,
      cause: error.cause,
      hint: `${error.hint ?? ''} Rerunning reuses the branch; or open the PR by hand from ${branch} into ${base}.`.trim(),
    });
  }
}

/** Pushes the change as `branch` unless origin already holds exactly this content there. */
async function pushBranch(repo: Repo, baseSha: string, branch: string, change: PlannedChange): Promise<boolean> {
  const sha = await repo.commitFiles(baseSha, change.updates, commitMessage(change));
  const remote = await repo.resolve(`refs/remotes/origin/${branch}`);
  if (remote && (await repo.treeOf(remote)) === (await repo.treeOf(sha)) && (await repo.resolve(`${remote}~1`)) === baseSha) return false;
  const result = await repo.push(sha, branch, { force: true });
  if (!result.ok) {
    throw new GitError(`origin refused the push of ${branch}: ${result.message.split('\n')[0]}`, {
      hint: 'Check that you may create branches on origin; nothing else was changed.',
    });
  }
  return true;
}

/** Auto-merge through GraphQL; when GitHub refuses (not enabled on the repo), a label says what was asked. */
async function requestAutoMerge(forge: Forge, pr: PullRequest): Promise<AutoMergeResult> {
  const result = await forge.requestAutoMerge(pr);
  if (!result.enabled) await forge.addLabels(pr.number, ['automerge']);
  return result;
}
