import { describe, expect, it } from 'vitest';
import type { ClientErrorCode } from '../../src/sdk/errors.js';
import { serveEverywhere, signedBundle, stranger, tampered } from './support/bundles.js';
import { nextEvent, testClient } from './support/client.js';
import { startOrigin, type Origin } from './support/origin.js';

// v1 serves maintenance-mode off; the recovery bundle v2 serves it on, so every step is visible.
const V1 = signedBundle({ version: 1 });
const V2 = signedBundle({ version: 2, edit: serveEverywhere('maintenance-mode', 0) });

interface Fault {
  name: string;
  code: ClientErrorCode;
  inject(origin: Origin): void;
}

const faults: Fault[] = [
  { name: 'HTTP 500', code: 'SOURCE_HTTP_STATUS', inject: (o) => o.next((_q, res) => void res.writeHead(500).end('boom')) },
  // The handler never answers: only the request timeout ends the attempt.
  { name: 'slow origin', code: 'SOURCE_TIMEOUT', inject: (o) => o.next(() => {}) },
  {
    name: 'body cut off mid-transfer',
    code: 'SOURCE_UNREACHABLE',
    inject: (o) => o.next((_q, res) => {
      res.writeHead(200, { 'content-length': String(V2.length), etag: '"cut"' });
      res.write(V2.slice(0, 100));
      res.socket?.destroy();
    }),
  },
  { name: 'truncated body', code: 'MALFORMED', inject: (o) => o.next((_q, res) => void res.writeHead(200, { etag: '"half"' }).end(V2.slice(0, V2.length / 2))) },
  { name: 'invalid JSON', code: 'MALFORMED', inject: (o) => o.next((_q, res) => void res.writeHead(200, { etag: '"html"' }).end('<html>502 Bad Gateway</html>')) },
  { name: 'tampered payload', code: 'SIGNATURE_INVALID', inject: (o) => o.serve(tampered(signedBundle({ version: 2 }))) },
  { name: 'unknown key id', code: 'UNKNOWN_KEY', inject: (o) => o.serve(signedBundle({ version: 2 }, stranger.privateKeyPem)) },
  { name: 'staging bundle served to production', code: 'WRONG_ENVIRONMENT', inject: (o) => o.serve(signedBundle({ version: 2, environment: 'staging' })) },
  { name: 'older version replayed', code: 'ROLLBACK', inject: (o) => o.serve(signedBundle({ version: 0 })) },
  { name: 'same version, other digest', code: 'DIGEST_CONFLICT', inject: (o) => o.serve(signedBundle({ version: 1, edit: serveEverywhere('maintenance-mode', 0) })) },
  {
    // The file on the origin is replaced while a response streams: old bytes then new bytes.
    name: 'bundle swapped mid-poll',
    code: 'SIGNATURE_INVALID',
    inject: (o) => o.next((_q, res) => {
      // Differs from v1 early in the payload (expiresAt) and late (version): the halves cannot pass as either.
      const v3 = signedBundle({ version: 3, ttlSeconds: 7 * 86400 });
      res.writeHead(200, { etag: '"mixed"' });
      res.end(V1.slice(0, V1.length / 2) + v3.slice(v3.length / 2));
    }),
  },
];

describe('faults: the client keeps serving the last good bundle and recovers', () => {
  it.each(faults)('$name', async (fault) => {
    const origin = await startOrigin(V1);
    try {
      const { client, errors } = testClient({ source: origin.url });
      expect(await client.ready()).toBe(true);
      expect(client.isEnabled('maintenance-mode', {})).toBe(false);

      fault.inject(origin);
      await client.refresh();
      expect(errors.map((e) => e.code)).toEqual([fault.code]);
      expect(errors[0]!.message).toMatch(/still serving version 1/);
      expect(client.status()).toMatchObject({ version: 1, lastError: { code: fault.code } });
      expect(client.isEnabled('maintenance-mode', {})).toBe(false);
      expect(client.evaluate('maintenance-mode', {}).reason).toBe('DEFAULT');

      origin.serve(V2);
      const change = nextEvent(client, 'change');
      await client.refresh();
      expect(await change).toMatchObject({ version: 2, previousVersion: 1, keys: ['maintenance-mode'] });
      expect(client.isEnabled('maintenance-mode', {})).toBe(true);
      expect(client.status().source).toMatchObject({ healthy: true, consecutiveFailures: 0 });
    } finally {
      await origin.close();
    }
  });
});

describe('polling', () => {
  it('sends If-None-Match and takes a 304 as "still current"', async () => {
    const origin = await startOrigin(V1);
    try {
      const { client, errors } = testClient({ source: origin.url });
      await client.ready();
      await client.refresh();
      expect(origin.requests).toEqual(['', expect.stringMatching(/^".+"$/)]);
      expect(origin.statuses).toEqual([200, 304]);
      expect(errors).toEqual([]);
      expect(client.status()).toMatchObject({ ready: true, version: 1, expired: false, fromCache: false });
    } finally {
      await origin.close();
    }
  });

  it('polls on its own timer and picks up a new bundle', async () => {
    const origin = await startOrigin(V1);
    try {
      const { client } = testClient({ source: origin.url, pollInterval: 20 });
      await client.ready();
      const change = nextEvent(client, 'change');
      origin.serve(V2);
      expect(await change).toMatchObject({ version: 2 });
    } finally {
      await origin.close();
    }
  });

  it('a refresh during a poll joins it instead of sending a second request', async () => {
    const origin = await startOrigin(V1);
    try {
      const { client } = testClient({ source: origin.url });
      await client.ready();
      await Promise.all([client.refresh(), client.refresh(), client.refresh()]);
      expect(origin.requests).toHaveLength(2);
    } finally {
      await origin.close();
    }
  });

  it('an expired bundle keeps serving, reports expired once, and clears with a fresh one', async () => {
    const expired = signedBundle({ version: 2, issuedAt: '2020-01-01T00:00:00Z', ttlSeconds: 86400, edit: serveEverywhere('maintenance-mode', 0) });
    const origin = await startOrigin(expired);
    try {
      const { client, errors } = testClient({ source: origin.url });
      expect(await client.ready()).toBe(true);
      expect(client.isEnabled('maintenance-mode', {})).toBe(true);
      expect(client.status()).toMatchObject({ expired: true, version: 2 });
      await client.refresh();
      expect(errors.map((e) => e.code)).toEqual(['EXPIRED']);
      expect(errors[0]!.message).toContain('expired at 2020-01-02T00:00:00Z');

      origin.serve(signedBundle({ version: 3 }));
      await client.refresh();
      expect(client.status()).toMatchObject({ expired: false, version: 3 });
      expect(client.isEnabled('maintenance-mode', {})).toBe(false);
    } finally {
      await origin.close();
    }
  });
});
