import { UsageError } from '../core/errors.js';
import type { Config } from '../core/config.js';
import { forgeFor } from './forge-context.js';
import { openRepo } from './repo.js';

/** The hidden marker the sticky comment is found by; one comment per pull request, updated in place. */
export const CHECK_COMMENT_MARKER = '<!-- flagops-check -->';

export interface CommentOptions {
  cwd: string;
  config: Config;
  pr: number | undefined;
  body: string;
  env: Record<string, string | undefined>;
}

/** Creates the check's comment on the pull request, or updates the one already there. */
export async function postCheckComment(options: CommentOptions): Promise<{ url: string; created: boolean }> {
  if (options.pr === undefined) {
    throw new UsageError('--comment needs a pull request number', {
      hint: 'Run it in a pull_request workflow (GITHUB_EVENT_PATH names the pull request) or pass --pr N.',
    });
  }
  const forge = await forgeFor(await openRepo(options.cwd), options.config, options.env);
  const { url, created } = await forge.upsertComment(options.pr, CHECK_COMMENT_MARKER, options.body);
  return { url, created };
}
