import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { killFlag, unkillFlag } from '../../src/git/kill.js';
import { verifyBundle } from '../../src/sdk/bundle/index.js';
import { startGitHubServer } from '../support/github-server.js';
import { githubEnv, originFile, originLog, PDF, protectMain, signedTestRepo } from '../support/gitops.js';
import { tempDir } from '../support/tmp.js';

describe('killFlag', () => {
  it('commits to main, pushes, compiles, signs and publishes at once; a second kill changes nothing', async () => {
    const { repo, privateKeyPem, publicKey } = await signedTestRepo();
    const cdn = await tempDir('flagops-cdn-');
    const options = { cwd: repo.dir, key: 'new-pdf-engine', reason: 'PDF exports time out', publishTo: cdn, processEnv: { FLAGS_SIGNING_KEY: privateKeyPem } };
    const result = await killFlag(options);
    expect(result).toMatchObject({ outcome: 'pushed', branch: 'main', killed: true, publish: { status: 'published' } });
    expect(result.steps.map((s) => s.name)).toEqual(['read flags', 'commit + push', 'compile + sign', 'publish']);
    expect(await originFile(repo, PDF)).toContain('  production:\n    killed: true\n    killReason: PDF exports time out\n    rules:');
    const verified = await verifyBundle(await readFile(path.join(cdn, 'production.json')), [{ publicKey }], { environment: 'production' });
    expect(verified.ok && verified.payload.flags['new-pdf-engine']).toMatchObject({ killed: true, killReason: 'PDF exports time out' });
    expect(verified.ok && verified.payload.source).toBe(result.commit);

    const commits = (await originLog(repo)).length;
    const again = await killFlag(options);
    expect(again).toMatchObject({ outcome: 'unchanged', publish: { status: 'unchanged' } });
    expect(again.description).toMatch(/already killed in production/);
    expect(await originLog(repo)).toHaveLength(commits);
  });

  it('compiles exactly the pushed commit even when the checkout is on another branch with local edits', async () => {
    const { repo, privateKeyPem, publicKey } = await signedTestRepo();
    await repo.git('checkout', '-q', '-b', 'feature');
    await repo.commit('unrelated work', { 'notes.txt': 'wip\n' });
    const cdn = await tempDir('flagops-cdn-');
    const result = await killFlag({ cwd: repo.dir, key: 'ai-chatbot', env: 'staging', publishTo: cdn, processEnv: { FLAGS_SIGNING_KEY: privateKeyPem } });
    expect(result.outcome).toBe('pushed');
    const verified = await verifyBundle(await readFile(path.join(cdn, 'staging.json')), [{ publicKey }], { environment: 'staging' });
    expect(verified.ok && verified.payload.flags['ai-chatbot']!.killed).toBe(true);
    expect(await repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('feature');
  });

  it('says what was not published when no key or target is configured', async () => {
    const { repo } = await signedTestRepo();
    const result = await killFlag({ cwd: repo.dir, key: 'maintenance-mode', processEnv: {} });
    expect(result.outcome).toBe('pushed');
    expect(result.publish).toEqual({ status: 'skipped', reason: 'no publish target (--publish-to or publish.to)' });
  });

  it('falls back to a pull request labelled emergency with auto-merge when main is protected', async () => {
    const { repo } = await signedTestRepo();
    await protectMain(repo);
    const gh = await startGitHubServer();
    const mainBefore = await originLog(repo);
    const result = await killFlag({ cwd: repo.dir, key: 'new-pdf-engine', reason: 'incident 42', processEnv: githubEnv(gh) });
    expect(result).toMatchObject({ outcome: 'pr', branch: 'flags/kill/new-pdf-engine/production', pr: { number: 1, status: 'created', autoMerge: true } });
    expect(result.fallbackReason).toMatch(/refused the direct push to main: .*[Pp]rotected branch/);
    expect(gh.pulls[0]).toMatchObject({ labels: ['flags', 'emergency'], autoMerge: { mergeMethod: 'SQUASH' } });
    expect(await originFile(repo, PDF, 'flags/kill/new-pdf-engine/production')).toContain('killed: true');
    expect(await originLog(repo)).toEqual(mainBefore);
  });

  it('labels "automerge" and says so when GitHub refuses auto-merge', async () => {
    const { repo } = await signedTestRepo();
    await protectMain(repo);
    const gh = await startGitHubServer();
    gh.autoMergeError = 'Auto merge is not allowed for this repository';
    const result = await killFlag({ cwd: repo.dir, key: 'new-pdf-engine', processEnv: githubEnv(gh) });
    expect(result.pr).toMatchObject({ autoMerge: false, autoMergeNote: expect.stringContaining('Auto merge is not allowed') });
    expect(gh.pulls[0]!.labels).toEqual(['flags', 'emergency', 'automerge']);
  });

  it('unkill removes the kill switch lines', async () => {
    const { repo } = await signedTestRepo();
    const before = await originFile(repo, PDF);
    await killFlag({ cwd: repo.dir, key: 'new-pdf-engine', reason: 'x', processEnv: {} });
    const result = await unkillFlag({ cwd: repo.dir, key: 'new-pdf-engine', processEnv: {} });
    expect(result).toMatchObject({ outcome: 'pushed', killed: false });
    expect(await originFile(repo, PDF)).toBe(before);
  });
});
