import { GitError } from '../core/errors.js';
import type { ChangeBuilder, PlannedChange } from './change.js';
import type { Repo } from './repo.js';

export type DirectResult =
  | { status: 'pushed'; sha: string; attempts: number; change: PlannedChange; synced: boolean }
  | { status: 'unchanged'; sha: string; change: PlannedChange }
  | { status: 'protected'; message: string; change: PlannedChange };

/**
 * Commits a change on top of `origin/<branch>` and pushes it. When another push wins the race,
 * fetches and re-applies the change to the new tip (bounded), so nothing is lost either way.
 */
export async function commitAndPush(input: { repo: Repo; branch: string; build: ChangeBuilder; attempts?: number }): Promise<DirectResult> {
  const { repo, branch } = input;
  const attempts = input.attempts ?? 6;
  let lastMessage = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await repo.fetch();
    const tip = (await repo.resolve(`refs/remotes/origin/${branch}`)) ?? (await repo.resolve('HEAD'));
    if (!tip) throw new GitError(`nothing to commit on: origin/${branch} does not exist`, { hint: 'Push the branch first.' });
    const change = await input.build((file) => repo.readFile(tip, file));
    if (change.updates.length === 0) return { status: 'unchanged', sha: tip, change };
    const sha = await repo.commitFiles(tip, change.updates, commitMessage(change));
    const pushed = await repo.push(sha, branch);
    if (pushed.ok) {
      const synced = (await repo.currentBranch()) === branch && (await repo.fastForward(sha));
      return { status: 'pushed', sha, attempts: attempt, change, synced };
    }
    if (pushed.reason === 'protected') return { status: 'protected', message: pushed.message, change };
    if (pushed.reason === 'rejected') {
      throw new GitError(`origin refused the push to ${branch}: ${pushed.message.split('\n')[0]}`, {
        hint: 'Check that you may push to this branch (`git push` shows the full reason); nothing was changed on origin.',
      });
    }
    lastMessage = pushed.message;
  }
  throw new GitError(`origin/${branch} kept moving: gave up after ${attempts} attempts`, {
    hint: 'Rerun the command: it re-applies the change to the newest commit.',
    cause: new Error(lastMessage),
  });
}

export function commitMessage(change: PlannedChange): string {
  return change.body ? `${change.title}\n\n${change.body}` : change.title;
}
