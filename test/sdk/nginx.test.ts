import { describe, expect, it } from 'vitest';
import { createTarget } from '../../src/io/publish-target.js';
import { HttpSource } from '../../src/sdk/index.js';
import { hasNginx, NGINX, startNginx } from '../support/nginx.js';
import { serveEverywhere, signedBundle } from './support/bundles.js';
import { nextEvent, testClient } from './support/client.js';

if (!hasNginx) console.warn(`skipping the nginx end-to-end test: ${NGINX} is not installed (apt-get install nginx)`);

const bytes = (text: string) => new TextEncoder().encode(text);

describe.skipIf(!hasNginx)('end to end with nginx serving the bundle folder', () => {
  it('polls with ETags, gets 304 while unchanged, and picks up an atomic replace', async () => {
    const nginx = await startNginx();
    // What `flags publish --to DIR` does: temp file + rename, mtime moved past the old file's.
    const publish = createTarget(nginx.root, { cwd: nginx.root });
    await publish.write('production.json', bytes(signedBundle({ version: 1 })));
    try {
      const statuses: number[] = [];
      const recording: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        statuses.push(response.status);
        return response;
      };
      const url = `${nginx.url}/production.json`;
      const source = new HttpSource(url, { pollInterval: 3_600_000, requestTimeout: 2_000, maxBackoff: 3_600_000, fetch: recording });
      const { client, errors } = testClient({ source });
      expect(await client.ready()).toBe(true);
      expect(client.isEnabled('maintenance-mode', {})).toBe(false);

      await client.refresh();
      expect(statuses).toEqual([200, 304]);

      const change = nextEvent(client, 'change');
      await publish.write('production.json', bytes(signedBundle({ version: 2, edit: serveEverywhere('maintenance-mode', 0) })));
      await client.refresh();
      expect(await change).toMatchObject({ version: 2, keys: ['maintenance-mode'] });
      expect(statuses).toEqual([200, 304, 200]);
      expect(client.isEnabled('maintenance-mode', {})).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await nginx.stop();
    }
  });
});
