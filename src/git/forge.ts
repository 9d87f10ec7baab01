import { Octokit } from '@octokit/rest';
import { ForgeError } from '../core/errors.js';
import type { GitHubContext } from './github-context.js';

export interface PullRequest {
  number: number;
  url: string;
  /** GraphQL node id (for auto-merge). */
  nodeId: string;
  head: string;
  base: string;
  title: string;
  labels: string[];
}

export type AutoMergeResult = { enabled: true } | { enabled: false; reason: string };

/** The GitHub operations flagops needs, behind one interface (the real one is Octokit). */
export interface Forge {
  readonly owner: string;
  readonly repo: string;
  getRepository(): Promise<{ defaultBranch: string; fullName: string }>;
  findOpenPullRequest(head: string): Promise<PullRequest | undefined>;
  createPullRequest(input: { head: string; base: string; title: string; body: string }): Promise<PullRequest>;
  updatePullRequest(number: number, input: { title?: string; body?: string }): Promise<PullRequest>;
  addLabels(number: number, labels: string[]): Promise<void>;
  /** GitHub's auto-merge (GraphQL `enablePullRequestAutoMerge`); a refusal comes back as data. */
  requestAutoMerge(pr: PullRequest, method?: 'MERGE' | 'SQUASH' | 'REBASE'): Promise<AutoMergeResult>;
  /** Creates the comment carrying `marker` (an HTML comment), or updates it in place. */
  upsertComment(pr: number, marker: string, body: string): Promise<{ id: number; url: string; created: boolean }>;
}

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** The one place an Octokit client is built. */
export function createForge(context: GitHubContext): Forge {
  const octokit = new Octokit({ auth: context.token, baseUrl: context.baseUrl, log: quiet, userAgent: 'flagops' });
  return new OctokitForge(octokit, context.owner, context.repo);
}

type RawPull = { number: number; html_url: string; node_id: string; title: string; head: { ref: string }; base: { ref: string }; labels?: ({ name?: string } | string)[] };

function toPull(raw: RawPull): PullRequest {
  return {
    number: raw.number,
    url: raw.html_url,
    nodeId: raw.node_id,
    head: raw.head.ref,
    base: raw.base.ref,
    title: raw.title,
    labels: (raw.labels ?? []).map((l) => (typeof l === 'string' ? l : l.name ?? '')),
  };
}

class OctokitForge implements Forge {
  constructor(private readonly octokit: Octokit, readonly owner: string, readonly repo: string) {}

  private get slug() {
    return { owner: this.owner, repo: this.repo };
  }

  getRepository() {
    return this.call('read the repository', async () => {
      const { data } = await this.octokit.rest.repos.get(this.slug);
      return { defaultBranch: data.default_branch, fullName: data.full_name };
    });
  }

  findOpenPullRequest(head: string) {
    return this.call('look for an open pull request', async () => {
      const { data } = await this.octokit.rest.pulls.list({ ...this.slug, head: `${this.owner}:${head}`, state: 'open', per_page: 10 });
      const found = (data as RawPull[]).find((pr) => pr.head.ref === head);
      return found ? toPull(found) : undefined;
    });
  }

  createPullRequest(input: { head: string; base: string; title: string; body: string }) {
    return this.call('open the pull request', async () => toPull((await this.octokit.rest.pulls.create({ ...this.slug, ...input })).data as RawPull));
  }

  updatePullRequest(number: number, input: { title?: string; body?: string }) {
    return this.call(`update pull request #${number}`, async () =>
      toPull((await this.octokit.rest.pulls.update({ ...this.slug, pull_number: number, ...input })).data as RawPull));
  }

  async addLabels(number: number, labels: string[]) {
    if (labels.length === 0) return;
    await this.call(`label pull request #${number}`, () => this.octokit.rest.issues.addLabels({ ...this.slug, issue_number: number, labels }));
  }

  async requestAutoMerge(pr: PullRequest, method: 'MERGE' | 'SQUASH' | 'REBASE' = 'SQUASH'): Promise<AutoMergeResult> {
    const mutation = `mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
      enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod }) { pullRequest { number } }
    }`;
    try {
      await this.octokit.graphql(mutation, { pullRequestId: pr.nodeId, mergeMethod: method });
      return { enabled: true };
    } catch (error) {
      const reason = (error as { errors?: { message?: string }[] }).errors?.[0]?.message ?? (error as Error).message;
      return { enabled: false, reason: String(reason).split('\n')[0]! };
    }
  }

  upsertComment(pr: number, marker: string, body: string) {
    return this.call(`comment on pull request #${pr}`, async () => {
      const text = body.includes(marker) ? body : `${marker}\n${body}`;
      const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, { ...this.slug, issue_number: pr, per_page: 100 });
      const mine = comments.find((c) => c.body?.includes(marker));
      if (mine) {
        const { data } = await this.octokit.rest.issues.updateComment({ ...this.slug, comment_id: mine.id, body: text });
        return { id: data.id, url: data.html_url, created: false };
      }
      const { data } = await this.octokit.rest.issues.createComment({ ...this.slug, issue_number: pr, body: text });
      return { id: data.id, url: data.html_url, created: true };
    });
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw forgeError(error, what, `${this.owner}/${this.repo}`);
    }
  }
}

/** Maps an Octokit failure to a message a person can act on; never includes the request. */
export function forgeError(error: unknown, what: string, slug: string): ForgeError {
  const status = (error as { status?: unknown }).status;
  const detail = apiMessage(error);
  const cause = new Error(detail);
  switch (status) {
    case 401:
      return new ForgeError(`GitHub rejected the token (401) while trying to ${what} in ${slug}`, {
        status, cause, hint: 'The token in GITHUB_TOKEN / GH_TOKEN is invalid or expired; create a new one and rerun.',
      });
    case 403:
      return new ForgeError(`GitHub refused to ${what} in ${slug} (403): ${detail}`, {
        status, cause, hint: 'The token needs contents: write and pull-requests: write on this repository (or a rate limit was hit: wait and rerun).',
      });
    case 404:
      return new ForgeError(`GitHub repository ${slug} not found (404) while trying to ${what}`, {
        status, cause, hint: 'Check GITHUB_REPOSITORY or the origin remote, GITHUB_API_URL / github.apiUrl, and that the token can see the repository (private repositories answer 404 to tokens without access).',
      });
    case 422:
      return new ForgeError(`GitHub could not ${what} in ${slug} (422): ${detail}`, {
        status, cause, hint: 'GitHub found the request invalid: check that the branch exists and differs from the base, and that labels are valid; then rerun.',
      });
    default:
      return new ForgeError(`could not ${what} in ${slug}${typeof status === 'number' ? ` (HTTP ${status})` : ''}: ${detail}`, {
        status: typeof status === 'number' ? status : undefined, cause,
        hint: 'Check the network and GITHUB_API_URL / github.apiUrl, then rerun; rerunning is safe.',
      });
  }
}

function apiMessage(error: unknown): string {
  const data = (error as { response?: { data?: { message?: string; errors?: { message?: string; code?: string }[] } } }).response?.data;
  const extra = data?.errors?.map((e) => e.message ?? e.code).filter(Boolean).join('; ');
  const message = data?.message ?? (error as Error)?.message ?? String(error);
  return extra ? `${message} (${extra})` : message;
}
