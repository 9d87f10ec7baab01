import type { Config } from '../core/config.js';
import { createForge, type Forge } from './forge.js';
import { resolveGitHubContext } from './github-context.js';
import type { Repo } from './repo.js';

/** The Forge for this repository: token and API URL from the environment and config, slug from origin. */
export async function forgeFor(repo: Repo, config: Config, env: Record<string, string | undefined>): Promise<Forge> {
  const context = resolveGitHubContext({ env, apiUrl: config.github.apiUrl, remoteUrl: await repo.remoteUrl() });
  return createForge(context);
}
