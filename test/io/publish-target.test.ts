import { stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTarget } from '../../src/io/publish-target.js';
import { hasNginx, startNginx, type Nginx } from '../support/nginx.js';
import { tempDir } from '../support/tmp.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('publishing never leaves a CDN with an unchanged ETag', () => {
  it('a folder target moves the mtime to a later second than the file it replaces', async () => {
    const dir = await tempDir('flagops-cdn-');
    const target = createTarget(dir, { cwd: dir });
    const file = await target.write('production.json', bytes('{"version":1}'));
    const future = Math.floor(Date.now() / 1000) + 5;
    await utimes(file, future, future);
    await target.write('production.json', bytes('{"version":2}'));
    expect(Math.floor((await stat(path.join(dir, 'production.json'))).mtimeMs / 1000)).toBe(future + 1);
  });

  describe.skipIf(!hasNginx)('over PUT to a real nginx (skipped: /usr/sbin/nginx is not installed)', () => {
    let nginx: Nginx | undefined;
    afterEach(async () => {
      await nginx?.stop();
      nginx = undefined;
    });

    it('two same-size publishes in a row get different ETags, so polling SDKs see both', async () => {
      nginx = await startNginx();
      const target = createTarget(`${nginx.url}/flags/`, { cwd: nginx.root });
      const etag = async () => (await fetch(`${nginx!.url}/flags/production.json`, { method: 'HEAD' })).headers.get('etag');
      await target.read('production.json');
      await target.write('production.json', bytes('{"killed":false}'));
      const first = await etag();
      await target.read('production.json');
      await target.write('production.json', bytes('{"killed":true!}'));
      expect(await etag()).not.toBe(first);
      expect(await (await fetch(`${nginx.url}/flags/production.json`)).text()).toBe('{"killed":true!}');
    });
  });
});
