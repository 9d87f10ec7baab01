import { ForgeError } from '../core/errors.js';

/** Where and as whom flagops talks to GitHub. The token is never printed. */
export interface GitHubContext {
  token: string;
  baseUrl: string;
  owner: string;
  repo: string;
}

export const DEFAULT_API_URL = 'https://api.github.com';

export interface GitHubContextInput {
  env: Record<string, string | undefined>;
  /** `github.apiUrl` from the config. */
  apiUrl?: string;
  /** URL of the `origin` remote, when there is one. */
  remoteUrl?: string;
}

/** The GitHub coordinates without the token; for messages and for `--dry-run`. */
export function resolveGitHubTarget(input: GitHubContextInput): Omit<GitHubContext, 'token'> {
  const baseUrl = (input.apiUrl ?? input.env.GITHUB_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const fromEnv = input.env.GITHUB_REPOSITORY?.trim();
  const slug = fromEnv ? splitSlug(fromEnv) : input.remoteUrl ? parseRemoteUrl(input.remoteUrl) : undefined;
  if (!slug) {
    throw new ForgeError(`cannot tell which GitHub repository to use${input.remoteUrl ? ` (origin is ${redact(input.remoteUrl)})` : ''}`, {
      hint: 'Set GITHUB_REPOSITORY=owner/repo, or make `origin` a GitHub URL (https://github.com/owner/repo.git or git@github.com:owner/repo.git).',
    });
  }
  return { baseUrl, ...slug };
}

export function resolveGitHubContext(input: GitHubContextInput): GitHubContext {
  const target = resolveGitHubTarget(input);
  const token = (input.env.GITHUB_TOKEN || input.env.GH_TOKEN || '').trim();
  if (!token) {
    throw new ForgeError('no GitHub token: set GITHUB_TOKEN or GH_TOKEN', {
      hint: `Create a token that can push to ${target.owner}/${target.repo} and open pull requests (contents: write, pull-requests: write), export it as GITHUB_TOKEN, and rerun; or use --direct / --dry-run.`,
    });
  }
  return { token, ...target };
}

/** owner/repo from `https://host/o/r(.git)`, `git@host:o/r.git`, `ssh://git@host[:port]/o/r.git`. */
export function parseRemoteUrl(url: string): { owner: string; repo: string } | undefined {
  const text = url.trim();
  const scp = /^[\w.-]+@[\w.-]+:(?!\/)(.+)$/.exec(text);
  let repoPath: string | undefined;
  if (scp) repoPath = scp[1];
  else {
    try {
      const parsed = new URL(text);
      if (!['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol)) return undefined;
      repoPath = parsed.pathname;
    } catch {
      return undefined;
    }
  }
  const parts = repoPath!.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '').split('/');
  if (parts.length < 2) return undefined;
  const [owner, repo] = parts.slice(-2) as [string, string];
  return owner && repo ? { owner, repo } : undefined;
}

function splitSlug(slug: string): { owner: string; repo: string } | undefined {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(slug);
  return match ? { owner: match[1]!, repo: match[2]! } : undefined;
}

/** Remote URLs may carry credentials (`https://user:token@host/…`). */
function redact(url: string): string {
  return url.replace(/\/\/[^/@]+@/, '//***@');
}
