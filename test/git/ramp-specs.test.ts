import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { rampFlag } from '../../src/git/ramp.js';
import { testFlags } from '../../src/io/spec-tests.js';
import { createTestRepo } from '../support/git.js';
import { startGitHubServer } from '../support/github-server.js';
import { githubEnv, originFile, PDF } from '../support/gitops.js';

const run = promisify(execFile);
const SPEC = 'flags/tests/billing.yaml';

describe('ramp keeps the distribution specs in step', () => {
  it('--direct commits the flag and its spec together, and flags test passes on the result', async () => {
    const repo = await createTestRepo();
    const specBefore = await readFile(path.join(repo.dir, SPEC), 'utf8');
    const result = await rampFlag({ cwd: repo.dir, key: 'new-pdf-engine', percent: 25, mode: 'direct' });
    expect(result.specs.skipped).toEqual([]);
    expect(result.specs.updated).toMatchObject([{ file: SPEC, renamed: 'about 25% of accounts get the new PDF engine', expectAfter: { on: 25, off: 75 } }]);
    const files = (await run('git', ['--git-dir', repo.origin, 'show', '--name-only', '--format=', 'main'])).stdout.trim().split('\n');
    expect(files.sort()).toEqual([PDF, SPEC].sort());
    expect(await originFile(repo, SPEC)).toBe(specBefore
      .replace('about 5% of accounts', 'about 25% of accounts').replace('{ on: 5, off: 95 }', '{ on: 25, off: 75 }'));
    // The checkout was fast-forwarded to the pushed commit, so the specs run against the ramped flag.
    const tested = await testFlags({ cwd: repo.dir });
    expect(tested.diagnostics).toEqual([]);
    expect(tested.results.find((r) => r.name.startsWith('about 25%'))).toMatchObject({ passed: true, environment: 'production' });
  });

  it('the pull request carries the spec, its body names it, and a spec written otherwise is reported as failing', async () => {
    const repo = await createTestRepo();
    const extra = [
      'environment: production',
      'distributions:',
      '  - name: a third of accounts, on purpose',
      '    flag: new-pdf-engine',
      "    context: { accountId: 'acct_{i}' }",
      '    expect: { on: 33, off: 67 }',
      '',
    ].join('\n');
    await repo.commit('a spec that expects something else', { 'flags/tests/pdf-thirds.yaml': extra });
    await repo.git('push', '-q', 'origin', 'main');
    const gh = await startGitHubServer();
    const result = await rampFlag({ cwd: repo.dir, key: 'new-pdf-engine', percent: 25, processEnv: githubEnv(gh) });
    expect(result.specs.skipped).toMatchObject([{ file: 'flags/tests/pdf-thirds.yaml', line: 6, col: 5, name: 'a third of accounts, on purpose' }]);
    expect(await originFile(repo, SPEC, result.branch)).toContain('expect: { on: 25, off: 75 }');
    expect(await originFile(repo, 'flags/tests/pdf-thirds.yaml', result.branch)).toBe(extra);
    const body = gh.pulls[0]!.body;
    expect(body).toContain('`flags/tests/billing.yaml:33` "about 25% of accounts get the new PDF engine": on 5% → 25%, off 95% → 75%');
    expect(body).toMatch(/will now fail.*\n- `flags\/tests\/pdf-thirds\.yaml:6` "a third of accounts, on purpose": expects on 33%, off 67% ± 1/);
  });

  it('--dry-run shows the spec in the diff and changes nothing', async () => {
    const repo = await createTestRepo();
    const result = await rampFlag({ cwd: repo.dir, key: 'new-pdf-engine', percent: 25, mode: 'dry-run' });
    expect(result.diff).toContain(`+++ b/${SPEC}`);
    expect(result.diff).toContain('-    expect: { on: 5, off: 95 }\n');
    expect(result.diff).toContain('+    expect: { on: 25, off: 75 }\n');
    expect(result.diff).toContain('+  - name: about 25% of accounts get the new PDF engine\n');
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it('a ramp in staging leaves the production spec alone', async () => {
    const repo = await createTestRepo();
    const result = await rampFlag({ cwd: repo.dir, key: 'new-pdf-engine', percent: 60, env: 'staging', mode: 'dry-run' });
    expect(result.specs).toEqual({ updated: [], skipped: [] });
    expect(result.diff).not.toContain(SPEC);
  });
});
