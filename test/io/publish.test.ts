import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileProjectToDisk } from '../../src/io/compile.js';
import { publishBundles } from '../../src/io/publish.js';
import { createClient } from '../../src/sdk/index.js';
import { verifyBundle } from '../../src/sdk/bundle/index.js';
import { PDF, signedTestRepo } from '../support/gitops.js';
import { hasNginx, startNginx, type Nginx } from '../support/nginx.js';
import { tempDir } from '../support/tmp.js';

async function compiled(cwd: string, signingKey: string, out: string) {
  const result = await compileProjectToDisk({ cwd, out, signingKey });
  expect(result.bundles).toHaveLength(2);
  return result;
}

describe('publishBundles to a folder', () => {
  it('writes verified bundles, reports versions, and a re-run is unchanged', async () => {
    const { repo, privateKeyPem, publicKey } = await signedTestRepo();
    const cdn = await tempDir('flagops-cdn-');
    const { bundles } = await compiled(repo.dir, privateKeyPem, 'dist/flags');
    const first = await publishBundles({ cwd: repo.dir, to: cdn });
    expect(first.bundles.map((b) => [b.environment, b.status, b.version, b.previous])).toEqual([
      ['production', 'published', bundles[0]!.version, undefined],
      ['staging', 'published', bundles[1]!.version, undefined],
    ]);
    expect((await verifyBundle(await readFile(path.join(cdn, 'staging.json')), [{ publicKey }], { environment: 'staging' })).ok).toBe(true);
    const again = await publishBundles({ cwd: repo.dir, to: cdn, environments: ['production'] });
    expect(again.bundles).toMatchObject([{ environment: 'production', status: 'unchanged' }]);
  });

  it('refuses to go backwards and writes nothing', async () => {
    const { repo, privateKeyPem } = await signedTestRepo();
    const cdn = await tempDir('flagops-cdn-');
    await compiled(repo.dir, privateKeyPem, 'old');
    await repo.commit('ramp', { [PDF]: (await readFile(path.join(repo.dir, PDF), 'utf8')).replace('on: 5 }', 'on: 10 }') });
    await compiled(repo.dir, privateKeyPem, 'new');
    await publishBundles({ cwd: repo.dir, to: cdn, from: 'new' });
    const published = await readFile(path.join(cdn, 'production.json'));
    await expect(publishBundles({ cwd: repo.dir, to: cdn, from: 'old' })).rejects.toThrow(/refusing to publish production: version \d+ is older than the published version \d+/);
    expect(await readFile(path.join(cdn, 'production.json'))).toEqual(published);
  });

  it('refuses an unsigned bundle', async () => {
    const { repo } = await signedTestRepo();
    await compileProjectToDisk({ cwd: repo.dir, unsigned: true });
    await expect(publishBundles({ cwd: repo.dir, to: await tempDir() })).rejects.toThrow(/refusing to publish dist\/flags\/production\.json: .*signature/);
  });

  it('needs a target', async () => {
    const { repo } = await signedTestRepo();
    await expect(publishBundles({ cwd: repo.dir })).rejects.toThrow(/no publish target/);
  });
});

describe.skipIf(!hasNginx)('publishBundles to a real nginx over WebDAV PUT (skipped: /usr/sbin/nginx is not installed)', () => {
  let nginx: Nginx | undefined;
  afterEach(async () => {
    await nginx?.stop();
    nginx = undefined;
  });

  it('PUTs the bundles, refuses going backwards over HTTP, and the SDK client reads them back', async () => {
    nginx = await startNginx();
    const { repo, privateKeyPem, publicKey } = await signedTestRepo();
    const to = `${nginx.url}/flags/`;
    await compiled(repo.dir, privateKeyPem, 'old');
    await repo.commit('kill', { [PDF]: (await readFile(path.join(repo.dir, PDF), 'utf8')).replace('  production:\n', '  production:\n    killed: true\n') });
    await compiled(repo.dir, privateKeyPem, 'new');

    const result = await publishBundles({ cwd: repo.dir, to, from: 'new' });
    expect(result.bundles.map((b) => [b.status, b.location])).toEqual([
      ['published', `${to}production.json`],
      ['published', `${to}staging.json`],
    ]);
    await expect(publishBundles({ cwd: repo.dir, to, from: 'old' })).rejects.toThrow(/older than the published version/);
    expect((await publishBundles({ cwd: repo.dir, to, from: 'new' })).bundles[0]!.status).toBe('unchanged');

    const client = createClient({ source: `${to}production.json`, environment: 'production', keys: [{ publicKey }], pollInterval: 60_000 });
    try {
      expect(await client.ready()).toBe(true);
      expect(client.evaluate('new-pdf-engine', { accountId: 'acct_internal_1' })).toMatchObject({ value: false, reason: 'KILLED' });
      expect(client.isEnabled('ai-chatbot', { plan: 'free', country: 'US' })).toBe(true);
    } finally {
      client.close();
    }
  });
});
