import { describe, expect, it } from 'vitest';
import { compileProjectToDisk } from '../../src/io/compile.js';
import { publishBundles } from '../../src/io/publish.js';
import { nextEvent, testClient } from '../sdk/support/client.js';
import { runFlags } from '../support/cli.js';
import { signedTestRepo } from '../support/gitops.js';
import { tempDir } from '../support/tmp.js';
import { startTestRelay } from './relay-support.js';

describe('end to end: flags kill → folder → relay → SDK over SSE', () => {
  it('the SDK serves the kill variation as soon as the kill is published', async () => {
    const { repo, privateKeyPem, publicKey } = await signedTestRepo();
    const cdn = await tempDir('flagops-cdn-');
    const out = await tempDir('flagops-bundles-');
    await compileProjectToDisk({ cwd: repo.dir, dir: 'flags', out, environments: ['production'], signingKey: privateKeyPem });
    await publishBundles({ cwd: repo.dir, dir: 'flags', to: cdn, environments: ['production'], from: out });

    const t = await startTestRelay({ dir: cdn, keys: [{ id: 'test', publicKey }] });
    const { client, errors } = testClient({ source: { stream: t.stream }, keys: [{ id: 'test', publicKey }] });
    expect(await client.ready()).toBe(true);
    const internal = { accountId: 'acct_internal_1' };
    expect(client.evaluate('new-pdf-engine', internal)).toMatchObject({ value: true, reason: 'TARGETING_MATCH' });

    const change = nextEvent(client, 'change');
    const kill = await runFlags(['kill', 'new-pdf-engine', '--reason', 'exports time out', '--publish-to', cdn], {
      cwd: repo.dir,
      env: { FLAGS_SIGNING_KEY: privateKeyPem },
    });
    expect(kill.exitCode, kill.stderr).toBe(0);
    expect(await change).toMatchObject({ keys: ['new-pdf-engine'] });
    expect(client.evaluate('new-pdf-engine', internal)).toMatchObject({ value: false, reason: 'KILLED' });
    expect(client.status().commit).toBe(await repo.git('rev-parse', 'origin/main'));
    expect(errors).toEqual([]);
  });
});
