import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFlags } from '../support/cli.js';
import { startGitHubServer } from '../support/github-server.js';
import { githubEnv, signedTestRepo } from '../support/gitops.js';
import { tempDir } from '../support/tmp.js';

describe('flags ramp / kill / publish / log (the real bin)', () => {
  it('ramp --dry-run prints the diff; ramp opens a PR and prints its URL; bad input exits 2', async () => {
    const { repo } = await signedTestRepo();
    const gh = await startGitHubServer();
    const dry = await runFlags(['ramp', 'new-pdf-engine', '25', '--dry-run'], { cwd: repo.dir });
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('+    default: { rollout: { on: 25 }, bucketBy: accountId }');
    expect(dry.stdout).toContain('dry run: +20% of buckets: from 5% to 25% of accounts');
    expect(dry.stdout).toContain('+    expect: { on: 25, off: 75 }');
    expect(dry.stdout).toContain('  spec flags/tests/billing.yaml:33:5 "about 25% of accounts get the new PDF engine": on 5% → 25%, off 95% → 75%');

    const pr = await runFlags(['ramp', 'new-pdf-engine', '25'], { cwd: repo.dir, env: githubEnv(gh) });
    expect(pr.exitCode, pr.stderr).toBe(0);
    expect(pr.stdout).toContain('pull request #1 created: https://github.example/acme/flags/pull/1');

    const step = await runFlags(['ramp', 'new-pdf-engine', '90', '--dry-run'], { cwd: repo.dir });
    expect(step.exitCode).toBe(2);
    expect(step.stderr).toMatch(/usage error: flags\/billing\/new-pdf-engine\.yaml:17:5 a step of 85% .* exceeds policy\.maxRampStep \(50\)\nhint: .*--force/);
    const token = await runFlags(['ramp', 'new-pdf-engine', '30'], { cwd: repo.dir, env: { GITHUB_REPOSITORY: 'acme/flags' } });
    expect(token.exitCode).toBe(2);
    expect(token.stderr).toContain('error: no GitHub token: set GITHUB_TOKEN or GH_TOKEN');
  });

  it('kill prints each step with its time and publishes; log tells the story in words', async () => {
    const { repo, privateKeyPem } = await signedTestRepo();
    const cdn = await tempDir('flagops-cdn-');
    const kill = await runFlags(['kill', 'new-pdf-engine', '--reason', 'exports time out', '--publish-to', cdn], { cwd: repo.dir, env: { FLAGS_SIGNING_KEY: privateKeyPem } });
    expect(kill.exitCode, kill.stderr).toBe(0);
    expect(kill.stdout).toMatch(/^killed new-pdf-engine in production: production: killed — exports time out/);
    expect(kill.stdout).toMatch(/commit \+ push +\d+ ms +[0-9a-f]{7} to main/);
    expect(kill.stdout).toMatch(/compile \+ sign +\d+ ms/);
    expect(kill.stdout).toMatch(/total +\d+ ms/);
    expect(kill.stdout).toContain(`published to ${path.join(cdn, 'production.json')}`);
    expect(JSON.parse(await readFile(path.join(cdn, 'production.json'), 'utf8'))).toHaveProperty('signatures');

    await runFlags(['ramp', 'new-pdf-engine', '20', '--direct', '--unkill'], { cwd: repo.dir });
    const log = await runFlags(['log', 'new-pdf-engine'], { cwd: repo.dir });
    expect(log.exitCode, log.stderr).toBe(0);
    expect(log.stdout).toMatch(/flags: ramp new-pdf-engine to 20% in production\n {2}• production: unkilled\n {2}• production: rollout on 5% → 20%/);
    expect(log.stdout).toContain('• production: killed — exports time out');
    expect(log.stdout).toContain('• created (release, owner billing-team)');
    const json = JSON.parse((await runFlags(['log', 'new-pdf-engine', '--json'], { cwd: repo.dir })).stdout) as { entries: { author: string; changes: { kind: string }[] }[] };
    expect(json.entries[0]!.changes.map((c) => c.kind)).toEqual(['unkilled', 'rollout']);
    expect(json.entries[0]!.author).toBe('Test Author');
  });

  it('publish --json reports what was published and refuses a missing target with exit 2', async () => {
    const { repo, privateKeyPem } = await signedTestRepo();
    expect((await runFlags(['compile'], { cwd: repo.dir, env: { FLAGS_SIGNING_KEY: privateKeyPem } })).exitCode).toBe(0);
    const cdn = await tempDir('flagops-cdn-');
    const published = await runFlags(['publish', '--to', cdn, '--json'], { cwd: repo.dir });
    expect(published.exitCode, published.stderr).toBe(0);
    expect((JSON.parse(published.stdout) as { bundles: { status: string }[] }).bundles.map((b) => b.status)).toEqual(['published', 'published']);
    const none = await runFlags(['publish'], { cwd: repo.dir });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('no publish target');
  });
});
