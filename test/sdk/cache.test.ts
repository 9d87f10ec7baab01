import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp.js';
import { serveEverywhere, signedBundle } from './support/bundles.js';
import { nextEvent, testClient } from './support/client.js';
import { deadUrl, startOrigin } from './support/origin.js';

const V1 = signedBundle({ version: 1 });
const V2 = signedBundle({ version: 2, edit: serveEverywhere('maintenance-mode', 0) });

/** Runs a client against an origin serving `text` until it is ready, then closes it (the cache write lands). */
async function primeCache(cacheFile: string, text: string): Promise<void> {
  const origin = await startOrigin(text);
  const { client } = testClient({ source: origin.url, cacheFile });
  expect(await client.ready()).toBe(true);
  await client.close();
  await origin.close();
}

describe('cache file', () => {
  it('serves the cached bundle when the origin is down at start, then recovers', async () => {
    const cacheFile = path.join(await tempDir(), 'cache', 'flags.json');
    await primeCache(cacheFile, V1);
    const url = await deadUrl();
    const { client, errors } = testClient({ source: url, cacheFile });
    expect(await client.ready()).toBe(true);
    expect(client.status()).toMatchObject({ ready: true, version: 1, fromCache: true, source: { healthy: false } });
    expect(errors.map((e) => e.code)).toEqual(['SOURCE_UNREACHABLE']);
    expect(errors[0]!.message).toMatch(/ECONNREFUSED/);
    expect(client.isEnabled('maintenance-mode', {})).toBe(false);

    const origin = await startOrigin(V2, Number(new URL(url).port));
    try {
      await client.refresh();
      expect(client.status()).toMatchObject({ version: 2, fromCache: false, source: { healthy: true } });
      expect(client.isEnabled('maintenance-mode', {})).toBe(true);
    } finally {
      await origin.close();
    }
  });

  it('refuses an older bundle replayed after a restart, and keeps serving the cached newer one', async () => {
    const cacheFile = path.join(await tempDir(), 'flags.json');
    await primeCache(cacheFile, V2);
    const origin = await startOrigin(V1);
    try {
      const { client, errors } = testClient({ source: origin.url, cacheFile });
      expect(await client.ready()).toBe(true);
      expect(errors.map((e) => e.code)).toEqual(['ROLLBACK']);
      expect(errors[0]!.message).toContain('version 1 is older than version 2');
      expect(errors[0]!.message).toContain(`delete ${cacheFile}`);
      expect(client.status()).toMatchObject({ version: 2, fromCache: true });
      expect(client.isEnabled('maintenance-mode', {})).toBe(true);
    } finally {
      await origin.close();
    }
  });

  it('keeps the version floor even when the cached envelope can no longer be used', async () => {
    const cacheFile = path.join(await tempDir(), 'flags.json');
    await primeCache(cacheFile, V2);
    const doc = JSON.parse(await readFile(cacheFile, 'utf8'));
    expect(doc.environments.production).toMatchObject({ version: 2, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    doc.environments.production.envelope = 'garbage';
    await writeFile(cacheFile, JSON.stringify(doc));
    const origin = await startOrigin(V1);
    try {
      const { client, errors } = testClient({ source: origin.url, cacheFile, timeout: 300 });
      expect(await client.ready()).toBe(false);
      expect(errors.map((e) => e.code)).toEqual(['ROLLBACK', 'CACHE']);
      expect(client.evaluate('maintenance-mode', {}, false)).toEqual({ value: false, reason: 'ERROR', errorCode: 'PROVIDER_NOT_READY' });
    } finally {
      await origin.close();
    }
  });

  it('keeps the version floor when the cached envelope is missing altogether', async () => {
    const cacheFile = path.join(await tempDir(), 'flags.json');
    await primeCache(cacheFile, V2);
    const doc = JSON.parse(await readFile(cacheFile, 'utf8'));
    delete doc.environments.production.envelope;
    await writeFile(cacheFile, JSON.stringify(doc));
    const origin = await startOrigin(V1);
    try {
      const { client, errors } = testClient({ source: origin.url, cacheFile, timeout: 300 });
      expect(await client.ready()).toBe(false);
      expect(errors.map((e) => e.code)).toContain('ROLLBACK');
      expect(client.status().version).toBeUndefined();
    } finally {
      await origin.close();
    }
  });

  it('ignores an unreadable cache file with a clear error and loads from the origin', async () => {
    const cacheFile = path.join(await tempDir(), 'flags.json');
    await writeFile(cacheFile, '{ not json');
    const origin = await startOrigin(V1);
    try {
      const { client, errors } = testClient({ source: origin.url, cacheFile });
      expect(await client.ready()).toBe(true);
      expect(errors.map((e) => e.code)).toEqual(['CACHE']);
      expect(errors[0]!.message).toContain(`cache file ${cacheFile} is not a valid flagops cache`);
      await client.close();
      expect(JSON.parse(await readFile(cacheFile, 'utf8')).environments.production.version).toBe(1);
    } finally {
      await origin.close();
    }
  });
});

describe('cold start without any bundle', () => {
  it('ready() resolves false after the timeout, calls get defaults, and a later bundle loads', async () => {
    const url = await deadUrl();
    const { client, errors } = testClient({ source: url, timeout: 200 });
    expect(await client.ready()).toBe(false);
    expect(client.isEnabled('maintenance-mode', {}, true)).toBe(true);
    expect(client.variation('redesigned-dashboard', { userId: 'u1' }, 'current')).toBe('current');
    expect(client.evaluate('maintenance-mode', {})).toEqual({ value: undefined, reason: 'ERROR', errorCode: 'PROVIDER_NOT_READY' });
    expect(errors[0]!.message).toMatch(/no bundle loaded: every call returns the caller's default/);
    expect(client.status()).toMatchObject({ ready: false, expired: false, fromCache: false });

    const origin = await startOrigin(V1, Number(new URL(url).port));
    try {
      const ready = nextEvent(client, 'ready');
      await client.refresh();
      expect(await ready).toMatchObject({ ready: true, version: 1 });
      expect(client.isEnabled('maintenance-mode', {}, true)).toBe(false);
    } finally {
      await origin.close();
    }
  });
});
