import { describe, expect, it } from 'vitest';
import { runFlags } from '../support/cli.js';
import { signedTestRepo } from '../support/gitops.js';
import { copyExample, tempDir } from '../support/tmp.js';

describe('errors a person can act on', () => {
  it('outside git, compile names the option that works, and the cause without a blank line', async () => {
    const dir = await copyExample();
    const refused = await runFlags(['compile', '--unsigned'], { cwd: dir });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr.split('\n')).toEqual([
      `error: ${dir} is not a git repository with a commit`,
      'hint: Bundles take their version and time from the commit: commit the flags folder first, or pass --bundle-version N to compile outside git.',
      'cause: fatal: not a git repository (or any of the parent directories): .git',
    ]);
    const followed = await runFlags(['compile', '--unsigned', '--bundle-version', '1'], { cwd: dir });
    expect(followed.exitCode).toBe(0);
  });

  it('a kill whose publish fails says so once, as the config problem it is', async () => {
    const { repo, privateKeyPem } = await signedTestRepo();
    await repo.commit('break another flag', { 'flags/growth/ai-chatbot.yaml': 'key: ai-chatbot\n  x: [\n' });
    await repo.git('push', '-q');
    const cdn = await tempDir('flagops-cdn-');
    const result = await runFlags(['kill', 'maintenance-mode', '--reason', 'outage', '--publish-to', cdn], { cwd: repo.dir, env: { FLAGS_SIGNING_KEY: privateKeyPem } });
    expect(result.exitCode).toBe(2);
    const lines = result.stderr.split('\n');
    expect(lines[0]).toMatch(/^error: the change is committed \([0-9a-f]{7}\) but publishing failed: the flags at [0-9a-f]{7} do not compile: flags\/growth\/ai-chatbot\.yaml:1:/);
    expect(lines.filter((l) => l.startsWith('cause:'))).toEqual([]);
    expect(lines[1]).toMatch(/^hint: Run `flags lint` and fix the problem\. Then run `flags compile && flags publish --env production`/);
  });
});
