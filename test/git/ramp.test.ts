import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ForgeError } from '../../src/core/errors.js';
import { killFlag } from '../../src/git/kill.js';
import { rampFlag } from '../../src/git/ramp.js';
import { createTestRepo } from '../support/git.js';
import { startGitHubServer } from '../support/github-server.js';
import { cloneOf, githubEnv, originBranches, originFile, originLog, PDF } from '../support/gitops.js';

const BRANCH = 'flags/ramp/new-pdf-engine/production-25';

describe('rampFlag through a pull request', () => {
  it('pushes a branch from origin/main, opens one PR, and a re-run updates it instead of opening a second', async () => {
    const repo = await createTestRepo();
    const gh = await startGitHubServer();
    const localBefore = await readFile(path.join(repo.dir, PDF), 'utf8');
    const head = await repo.git('rev-parse', 'HEAD');

    const first = await rampFlag({ cwd: repo.dir, key: 'new-pdf-engine', percent: 25, processEnv: githubEnv(gh) });
    expect(first).toMatchObject({ mode: 'pr', changed: true, branch: BRANCH, pr: { number: 1, status: 'created' } });
    expect(gh.pulls).toHaveLength(1);
    expect(gh.pulls[0]).toMatchObject({ head: BRANCH, base: 'main', title: 'flags: ramp new-pdf-engine to 25% in production', labels: ['flags'] });
    expect(gh.pulls[0]!.body).toContain('+20% of buckets: from 5% to 25% of accounts');
    expect(await originFile(repo, PDF, BRANCH)).toBe(localBefore.replace('on: 5 }', 'on: 25 }'));
    // The working tree and the checked-out branch are untouched.
    expect(await readFile(path.join(repo.dir, PDF), 'utf8')).toBe(localBefore);
    expect(await repo.git('rev-parse', 'HEAD')).toBe(head);
    expect(await repo.git('status', '--porcelain')).toBe('');

    const again = await rampFlag({ cwd: repo.dir, key: 'new-pdf-engine', percent: 25, processEnv: githubEnv(gh) });
    expect(again.pr).toMatchObject({ number: 1, status: 'updated' });
    expect(gh.pulls).toHaveLength(1);
    expect(gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls'))).toHaveLength(1);
  });

  it('refuses without a token before pushing anything', async () => {
    const repo = await createTestRepo();
    const gh = await startGitHubServer();
    const env = { ...githubEnv(gh), GITHUB_TOKEN: '' };
    await expect(rampFlag({ cwd: repo.dir, key: 'new-pdf-engine', percent: 25, processEnv: env })).rejects.toThrow(/no GitHub token/);
    expect(await originBranches(repo)).toEqual(['main']);
    expect(gh.requests).toHaveLength(0);
  });

  it.each([401, 403, 404])('stops on %s from GitHub before pushing a branch', async (status) => {
    const repo = await createTestRepo();
    const gh = await startGitHubServer();
    gh.fail({ method: 'GET', path: '/repos/acme/flags', status });
    const error = await rampFlag({ cwd: repo.dir, key: 'new-pdf-engine', percent: 25, processEnv: githubEnv(gh) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForgeError);
    expect((error as ForgeError).status).toBe(status);
    expect(await originBranches(repo)).toEqual(['main']);
  });

  it('reports a branch pushed without its PR when GitHub answers 422, and a re-run completes it', async () => {
    const repo = await createTestRepo();
    const gh = await startGitHubServer();
    gh.fail({ method: 'POST', path: /\/pulls$/, status: 422, times: 1 });
    const error = await rampFlag({ cwd: repo.dir, key: 'new-pdf-engine', percent: 25, processEnv: githubEnv(gh) }).catch((e: unknown) => e);
    expect((error as ForgeError).message).toMatch(/\(422\).*branch flags\/ramp\/new-pdf-engine\/production-25 is on origin without a pull request/);
    expect((error as ForgeError).hint).toMatch(/Rerunning reuses the branch/);
    expect(await originBranches(repo)).toContain(BRANCH);
    const retry = await rampFlag({ cwd: repo.dir, key: 'new-pdf-engine', percent: 25, processEnv: githubEnv(gh) });
    expect(retry.pr).toMatchObject({ number: 1, status: 'created' });
  });
});

describe('rampFlag --direct and --dry-run', () => {
  it('--direct commits to the current branch, pushes it, and fast-forwards the checkout', async () => {
    const repo = await createTestRepo();
    const result = await rampFlag({ cwd: repo.dir, key: 'new-pdf-engine', percent: 25, mode: 'direct' });
    expect(result).toMatchObject({ mode: 'direct', changed: true, branch: 'main' });
    expect(await originLog(repo)).toEqual(['flags: ramp new-pdf-engine to 25% in production', 'seed flags']);
    expect(await originFile(repo, PDF)).toContain('default: { rollout: { on: 25 }, bucketBy: accountId }');
    expect(await readFile(path.join(repo.dir, PDF), 'utf8')).toContain('{ rollout: { on: 25 }');
    expect(await repo.git('rev-parse', 'HEAD')).toBe(result.commit);
  });

  it('--dry-run prints the diff and changes nothing anywhere', async () => {
    const repo = await createTestRepo();
    const gh = await startGitHubServer();
    const before = await repo.git('ls-remote', 'origin');
    const result = await rampFlag({ cwd: repo.dir, key: 'new-pdf-engine', percent: 25, mode: 'dry-run', processEnv: githubEnv(gh) });
    expect(result.diff).toContain('-    default: { rollout: { on: 5 }, bucketBy: accountId }');
    expect(result.diff).toContain('+    default: { rollout: { on: 25 }, bucketBy: accountId }');
    expect(await repo.git('ls-remote', 'origin')).toBe(before);
    expect(await repo.git('status', '--porcelain')).toBe('');
    expect(gh.requests).toHaveLength(0);
  });
});

describe('concurrent changes to one flag', () => {
  it('two direct ramps from two clones at once both land; the last one wins and nothing is lost', async () => {
    const repo = await createTestRepo();
    const other = await cloneOf(repo);
    const [a, b] = await Promise.all([
      rampFlag({ cwd: repo.dir, key: 'new-pdf-engine', percent: 10, mode: 'direct' }),
      rampFlag({ cwd: other, key: 'new-pdf-engine', percent: 20, mode: 'direct' }),
    ]);
    expect(a.changed && b.changed).toBe(true);
    const log = await originLog(repo);
    expect(log).toHaveLength(3);
    expect(log).toEqual(expect.arrayContaining(['flags: ramp new-pdf-engine to 10% in production', 'flags: ramp new-pdf-engine to 20% in production']));
    const last = log[0]!.includes('10%') ? 10 : 20;
    expect(await originFile(repo, PDF)).toContain(`{ rollout: { on: ${last} }, bucketBy: accountId }`);
  });

  it('a kill racing a ramp: the kill always lands; the ramp lands before it or is refused after it', async () => {
    const repo = await createTestRepo();
    const other = await cloneOf(repo);
    const [, ramp] = await Promise.allSettled([
      killFlag({ cwd: repo.dir, key: 'new-pdf-engine', reason: 'timeouts', processEnv: {} }),
      rampFlag({ cwd: other, key: 'new-pdf-engine', percent: 30, mode: 'direct' }),
    ]);
    const text = await originFile(repo, PDF);
    const log = await originLog(repo);
    expect(text).toContain('    killed: true\n    killReason: timeouts\n');
    expect(log[0]).toBe('flags: kill new-pdf-engine in production');
    // Which push wins is up to the scheduler; either way nothing is lost silently.
    if (ramp.status === 'fulfilled') {
      expect(text).toContain('{ rollout: { on: 30 }, bucketBy: accountId }');
      expect(log).toContain('flags: ramp new-pdf-engine to 30% in production');
    } else {
      expect(String(ramp.reason)).toMatch(/new-pdf-engine is killed in production/);
      expect(text).toContain('{ rollout: { on: 5 }, bucketBy: accountId }');
      expect(log).toEqual(['flags: kill new-pdf-engine in production', 'seed flags']);
    }
  });
});
