import path from 'node:path';
import type { Config } from '../../core/config.js';
import { GitError } from '../../core/errors.js';
import { forgeFor } from '../../git/forge-context.js';
import { proposeChange } from '../../git/propose.js';
import { openRepo } from '../../git/repo.js';
import { toPosix } from '../../io/project.js';
import type { CleanupResult } from './index.js';

export interface ProposedCleanup {
  branch: string;
  status: 'created' | 'updated' | 'no-change';
  pr?: { number: number; url: string };
}

/**
 * Opens (or updates) a pull request with a cleanup, through the same idempotent flow as ramps.
 * The change was computed on the working tree, so each file must match the default branch.
 */
export async function proposeCleanup(result: CleanupResult, options: { cwd: string; config: Config; processEnv?: Record<string, string | undefined> }): Promise<ProposedCleanup> {
  const repo = await openRepo(options.cwd);
  const forge = await forgeFor(repo, options.config, options.processEnv ?? process.env);
  const branch = `flags/cleanup/${result.key}`;
  const proposed = await proposeChange({
    repo, forge, branch, labels: options.config.github.labels,
    build: async (read) => {
      const updates = [];
      for (const change of result.changes) {
        const repoPath = toPosix(path.relative(repo.root, path.resolve(options.cwd, change.file)));
        if ((await read(repoPath)) !== change.before) {
          throw new GitError(`${change.file} differs from the default branch`, { hint: 'Commit and push your changes (or pull), then rerun `flags cleanup --pr`.' });
        }
        updates.push({ path: repoPath, text: change.after ?? null });
      }
      return { updates, title: `flags: remove ${result.key}, keeping ${result.keep}`, body: prBody(result) };
    },
  });
  if (proposed.status === 'no-change') return { branch, status: 'no-change' };
  return { branch, status: proposed.status, pr: { number: proposed.pr.number, url: proposed.pr.url } };
}

function prBody(result: CleanupResult): string {
  const lines = [
    `Removes the flag \`${result.key}\` from the code, keeping \`${result.keep}\` (${JSON.stringify(result.value)}) for everyone, and deletes its flag file.`,
    '',
    ...result.changes.map((c) => `- \`${c.file}\`${c.after === undefined ? ' (deleted)' : ''}`),
  ];
  if (result.manual.length > 0) {
    lines.push('', 'Left for a person (not rewritten):', ...result.manual.map((m) => `- \`${m.file}:${m.line}:${m.col}\` ${m.reason}`));
  }
  return lines.join('\n');
}
