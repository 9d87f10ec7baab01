import { describe, expect, it } from 'vitest';
import { ForgeError } from '../../src/core/errors.js';
import { createForge } from '../../src/git/forge.js';
import { startGitHubServer } from '../support/github-server.js';

async function setup() {
  const gh = await startGitHubServer({ owner: 'acme', repo: 'flags', token: 'sekret-token' });
  const forge = createForge({ token: 'sekret-token', baseUrl: gh.url, owner: 'acme', repo: 'flags' });
  return { gh, forge };
}

describe('Octokit forge against the local GitHub server', () => {
  it('creates, finds, updates and labels pull requests with the token in the Authorization header', async () => {
    const { gh, forge } = await setup();
    expect(await forge.getRepository()).toEqual({ defaultBranch: 'main', fullName: 'acme/flags' });
    expect(await forge.findOpenPullRequest('flags/x')).toBeUndefined();
    const pr = await forge.createPullRequest({ head: 'flags/x', base: 'main', title: 't', body: 'b' });
    expect(pr).toMatchObject({ number: 1, head: 'flags/x', base: 'main', url: expect.stringContaining('/pull/1') });
    expect((await forge.findOpenPullRequest('flags/x'))?.number).toBe(1);
    await forge.updatePullRequest(1, { title: 't2' });
    await forge.addLabels(1, ['flags', 'emergency']);
    expect(gh.pulls[0]).toMatchObject({ title: 't2', labels: ['flags', 'emergency'] });
    const list = gh.requests.find((r) => r.method === 'GET' && r.path.endsWith('/pulls'))!;
    expect(list.query).toMatchObject({ head: 'acme:flags/x', state: 'open' });
    expect(gh.requests.every((r) => r.auth === 'token sekret-token')).toBe(true);
  });

  it('upserts one comment per marker', async () => {
    const { gh, forge } = await setup();
    await forge.createPullRequest({ head: 'h', base: 'main', title: 't', body: '' });
    const first = await forge.upsertComment(1, '<!-- flagops:check -->', 'first');
    const second = await forge.upsertComment(1, '<!-- flagops:check -->', 'second');
    await forge.upsertComment(1, '<!-- other -->', 'other');
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ id: first.id, created: false });
    expect(gh.comments.map((c) => c.body)).toEqual(['<!-- flagops:check -->\nsecond', '<!-- other -->\nother']);
  });

  it('requests auto-merge through GraphQL and reports a refusal as data', async () => {
    const { gh, forge } = await setup();
    const pr = await forge.createPullRequest({ head: 'h', base: 'main', title: 't', body: '' });
    expect(await forge.requestAutoMerge(pr)).toEqual({ enabled: true });
    expect(gh.pulls[0]!.autoMerge).toEqual({ mergeMethod: 'SQUASH' });
    gh.autoMergeError = 'Pull request Auto merge is not allowed for this repository';
    expect(await forge.requestAutoMerge(pr)).toEqual({ enabled: false, reason: 'Pull request Auto merge is not allowed for this repository' });
  });

  it.each([
    [401, /GitHub rejected the token \(401\)/, /invalid or expired/],
    [403, /GitHub refused to open the pull request in acme\/flags \(403\)/, /pull-requests: write/],
    [404, /GitHub repository acme\/flags not found \(404\)/, /GITHUB_REPOSITORY/],
    [422, /GitHub could not open the pull request in acme\/flags \(422\): Validation Failed/, /differs from the base/],
  ])('maps HTTP %s to a ForgeError with a hint and without the token', async (status, message, hint) => {
    const { gh, forge } = await setup();
    gh.fail({ method: 'POST', path: /\/pulls$/, status });
    const error = await forge.createPullRequest({ head: 'h', base: 'main', title: 't', body: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForgeError);
    expect((error as ForgeError).status).toBe(status);
    expect((error as ForgeError).message).toMatch(message);
    expect((error as ForgeError).hint).toMatch(hint);
    expect(JSON.stringify({ m: (error as Error).message, h: (error as ForgeError).hint, c: String((error as Error).cause) })).not.toContain('sekret-token');
  });

  it('gets 401 for a wrong token', async () => {
    const { gh } = await setup();
    const forge = createForge({ token: 'wrong', baseUrl: gh.url, owner: 'acme', repo: 'flags' });
    await expect(forge.getRepository()).rejects.toThrow(/401/);
  });
});
