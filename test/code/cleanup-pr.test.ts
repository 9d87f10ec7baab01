import { cp } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanupFlag } from '../../src/code/cleanup/index.js';
import { proposeCleanup } from '../../src/code/cleanup/propose.js';
import { loadProject } from '../../src/io/project.js';
import { createTestRepo } from '../support/git.js';
import { startGitHubServer } from '../support/github-server.js';
import { githubEnv, originBranches, originFile } from '../support/gitops.js';
import { ROOT } from '../support/tmp.js';

const APP = path.join(ROOT, 'test/fixtures/hygiene/app');

describe('cleanup --pr', () => {
  it('proposes the cleanup as one pull request, and a re-run updates it', async () => {
    const repo = await createTestRepo({ seed: false });
    await cp(APP, repo.dir, { recursive: true });
    await repo.commit('add the app', {});
    await repo.git('push', '-q', '-u', 'origin', 'main');
    const gh = await startGitHubServer();
    const { config } = await loadProject('flags', { cwd: repo.dir });
    const result = await cleanupFlag({ cwd: repo.dir, key: 'new-pdf-engine', keep: 'on' });
    const first = await proposeCleanup(result, { cwd: repo.dir, config, processEnv: githubEnv(gh) });
    expect(first).toMatchObject({ branch: 'flags/cleanup/new-pdf-engine', status: 'created', pr: { number: 1 } });
    expect(gh.pulls[0]).toMatchObject({ title: 'flags: remove new-pdf-engine, keeping on', labels: ['flags'] });
    const pdf = result.changes.find((c) => c.file === 'src/services/pdf.ts')!;
    expect(await originFile(repo, 'src/services/pdf.ts', first.branch)).toBe(pdf.after);
    await expect(originFile(repo, 'flags/new-pdf-engine.yaml', first.branch)).rejects.toThrow();
    expect(await originBranches(repo)).toContain('flags/cleanup/new-pdf-engine');
    const again = await proposeCleanup(result, { cwd: repo.dir, config, processEnv: githubEnv(gh) });
    expect(again).toMatchObject({ status: 'updated', pr: { number: 1 } });
    expect(gh.pulls).toHaveLength(1);
  });
});
