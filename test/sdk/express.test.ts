import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { flagsMiddleware } from '../../src/sdk/express.js';
import { signedBundle } from './support/bundles.js';
import { testClient } from './support/client.js';

describe('flagsMiddleware', () => {
  it('gives each request flags evaluated with the context built from it', async () => {
    const { client } = testClient({ source: signedBundle({ version: 1 }) });
    await client.ready();
    let contextBuilds = 0;
    const app = express();
    app.use(flagsMiddleware(client, {
      context: (req) => {
        contextBuilds++;
        return { accountId: req.get('x-account-id'), plan: req.query.plan, country: req.query.country };
      },
    }));
    app.get('/', (req, res) => {
      res.json({
        pdf: req.flags.isEnabled('new-pdf-engine'),
        chatbot: req.flags.isEnabled('ai-chatbot', false),
        dashboard: req.flags.variation('redesigned-dashboard', 'current'),
        missing: req.flags.evaluate('nope', 'fallback'),
        all: req.flags.all(),
      });
    });
    app.get('/static', (_req, res) => void res.send('ok'));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const body = await (await fetch(`${base}/?plan=free&country=US`, { headers: { 'x-account-id': 'acct_internal_1' } })).json();
      expect(body).toMatchObject({
        pdf: true,
        chatbot: true,
        dashboard: 'current',
        missing: { value: 'fallback', reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND' },
        all: { 'new-pdf-engine': true, 'ai-chatbot': true, 'maintenance-mode': false },
      });
      const other = await (await fetch(`${base}/?plan=pro`)).json();
      expect(other).toMatchObject({ pdf: false, chatbot: false });
      expect(contextBuilds).toBe(2);
      await fetch(`${base}/static`);
      expect(contextBuilds).toBe(2);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
