import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClientError } from '../../src/sdk/errors.js';
import { createClient, MemorySource, type Exposure } from '../../src/sdk/index.js';
import { tempDir } from '../support/tmp.js';
import { serveEverywhere, signedBundle, trusted } from './support/bundles.js';
import { nextEvent, testClient } from './support/client.js';

const V1 = signedBundle({ version: 1 });
const V2 = signedBundle({ version: 2, edit: serveEverywhere('maintenance-mode', 0) });
const microtasks = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('memory source', () => {
  it('takes the envelope as text, bytes or object', async () => {
    for (const source of [V1, new TextEncoder().encode(V1), JSON.parse(V1)]) {
      const { client } = testClient({ source });
      expect(await client.ready()).toBe(true);
      expect(client.variation('redesigned-dashboard', { userId: 'u1' }, 'x')).toMatch(/^(current|redesigned)$/);
    }
  });

  it('swaps in an update and reports exactly the flags that changed', async () => {
    const source = new MemorySource(V1);
    const { client } = testClient({ source });
    await client.ready();
    const change = nextEvent(client, 'change');
    await source.update(V2);
    expect(await change).toEqual({ keys: ['maintenance-mode'], version: 2, previousVersion: 1 });
    expect(client.keys()).toContain('maintenance-mode');
  });

  it('evaluates like the SPEC: reasons, rule index, type mismatch, unknown flag', async () => {
    const { client } = testClient({ source: V1 });
    await client.ready();
    expect(client.evaluate('new-pdf-engine', { accountId: 'acct_internal_1' }, false)).toMatchObject({ value: true, variation: 'on', reason: 'TARGETING_MATCH', ruleIndex: 0 });
    expect(client.evaluate('new-pdf-engine', {}, false)).toMatchObject({ value: false, reason: 'DEFAULT', errorCode: 'TARGETING_KEY_MISSING' });
    expect(client.evaluate('redesigned-dashboard', { userId: 'u1' }, 'current').reason).toBe('SPLIT');
    expect(client.evaluate('redesigned-dashboard', { userId: 'u1' }, 42)).toMatchObject({ value: 42, reason: 'ERROR', errorCode: 'TYPE_MISMATCH' });
    expect(client.evaluate('no-such-flag', {}, 'x')).toMatchObject({ value: 'x', reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND' });
    expect(client.allFlags({ plan: 'free', country: 'US' })).toMatchObject({ 'ai-chatbot': true, 'maintenance-mode': false });
  });
});

describe('file source', () => {
  it('reloads when the file is replaced atomically, and reports a missing file once', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'production.json');
    const { client, errors } = testClient({ source: file, timeout: 100 });
    expect(await client.ready()).toBe(false);
    expect(errors.map((e) => e.code)).toEqual(['SOURCE_READ']);

    const ready = nextEvent(client, 'ready');
    await writeFile(file, V1);
    expect(await ready).toMatchObject({ version: 1 });

    const change = nextEvent(client, 'change');
    await writeFile(path.join(dir, '.tmp-production.json'), V2);
    await rename(path.join(dir, '.tmp-production.json'), file);
    expect(await change).toMatchObject({ version: 2, keys: ['maintenance-mode'] });
    expect(client.isEnabled('maintenance-mode', {})).toBe(true);
    expect(client.status().source).toMatchObject({ kind: 'file', location: file, healthy: true });
    expect(errors).toHaveLength(1);
  });
});

describe('exposures', () => {
  it('are deduplicated per flag, context key and variation, and delivered off the evaluation path', async () => {
    const seen: Exposure[] = [];
    const { client } = testClient({ source: V1, onExposure: (e) => void seen.push(e) });
    await client.ready();
    for (let i = 0; i < 3; i++) client.isEnabled('new-pdf-engine', { accountId: 'acct_internal_1', userId: 'u1' });
    client.variation('redesigned-dashboard', { userId: 'u1' }, 'current');
    client.evaluate('no-such-flag', { userId: 'u1' }, false);
    expect(seen).toEqual([]);
    await microtasks();
    expect(seen).toEqual([
      { flag: 'new-pdf-engine', variation: 'on', value: true, reason: 'TARGETING_MATCH', contextKey: 'acct_internal_1', version: 1 },
      expect.objectContaining({ flag: 'redesigned-dashboard', contextKey: 'u1', reason: 'SPLIT', version: 1 }),
    ]);
  });

  it('forgets the least recently seen beyond the LRU size', async () => {
    const seen: string[] = [];
    const { client } = testClient({ source: V1, exposureCacheSize: 2, onExposure: (e) => void seen.push(e.contextKey!) });
    await client.ready();
    for (const userId of ['a', 'b', 'a', 'c', 'a', 'b']) client.isEnabled('maintenance-mode', { userId });
    await microtasks();
    expect(seen).toEqual(['a', 'b', 'c', 'b']);
  });

  it('a throwing or rejecting callback is reported as an error, never thrown into evaluation', async () => {
    let calls = 0;
    const { client, errors } = testClient({
      source: V1,
      onExposure: (e) => {
        calls++;
        if (e.contextKey === 'sync') throw new Error('analytics down');
        return Promise.reject(new Error('analytics rejected'));
      },
    });
    await client.ready();
    expect(client.isEnabled('maintenance-mode', { userId: 'sync' })).toBe(false);
    expect(client.isEnabled('maintenance-mode', { userId: 'async' })).toBe(false);
    await microtasks();
    expect(calls).toBe(2);
    expect(errors.map((e) => [e.code, e.message.split(';')[0]])).toEqual([
      ['EXPOSURE_CALLBACK', 'onExposure threw: analytics down'],
      ['EXPOSURE_CALLBACK', 'onExposure threw: analytics rejected'],
    ]);
  });
});

describe('metrics', () => {
  it('counts evaluations per flag and variation, in Prometheus text too', async () => {
    const { client } = testClient({ source: V1 });
    await client.ready();
    for (let i = 0; i < 3; i++) client.isEnabled('maintenance-mode', {});
    client.isEnabled('new-pdf-engine', { accountId: 'acct_internal_1' });
    client.isEnabled('gone', {});
    expect(client.metrics()).toMatchObject({
      evaluations: { 'maintenance-mode': { off: 3 }, 'new-pdf-engine': { on: 1 }, gone: { '(default)': 1 } },
      bundleVersion: 1,
      ready: true,
      expired: false,
    });
    const text = client.metricsText();
    expect(text).toContain('flagops_evaluations_total{flag="maintenance-mode",variation="off"} 3\n');
    expect(text).toContain('flagops_evaluations_total{flag="gone",variation="(default)"} 1\n');
    expect(text).toContain('flagops_bundle_version{environment="production"} 1\n');
    expect(text).toMatch(/^flagops_bundle_age_seconds\{environment="production"\} \d+(\.\d+)?$/m);
    expect(text).toContain('# TYPE flagops_evaluations_total counter');
  });

  it('keeps counting across bundle swaps and before the first bundle', async () => {
    const source = new MemorySource();
    const { client } = testClient({ source, timeout: 50 });
    expect(await client.ready()).toBe(false);
    client.isEnabled('maintenance-mode', {});
    await source.update(V1);
    client.isEnabled('maintenance-mode', {});
    client.isEnabled('maintenance-mode', {});
    await source.update(V2);
    client.isEnabled('maintenance-mode', {});
    expect(client.metrics().evaluations).toEqual({ 'maintenance-mode': { '(default)': 1, off: 2, on: 1 } });
  });
});

describe('events', () => {
  it('a throwing listener is reported, not propagated', async () => {
    const source = new MemorySource(V1);
    const { client, errors } = testClient({ source });
    await client.ready();
    client.on('change', () => {
      throw new Error('listener bug');
    });
    await source.update(V2);
    expect(errors.map((e) => e.code)).toEqual(['LISTENER']);
    expect(errors[0]).toBeInstanceOf(ClientError);
    expect(client.status().version).toBe(2);
  });

  it('without an error listener, errors go to the logger', async () => {
    const lines: string[] = [];
    const client = createClient({ source: '{ not json', environment: 'production', keys: trusted, timeout: 100, logger: { warn: (l) => void lines.push(l) } });
    expect(await client.ready()).toBe(false);
    await client.close();
    expect(lines).toEqual([expect.stringMatching(/^flagops: refused the bundle from memory: The bundle is not JSON.*\(no bundle loaded: every call returns the caller's default\)$/)]);
  });
});

describe('never throws', () => {
  const hostile = fc.oneof(
    fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }),
    fc.dictionary(fc.constantFrom('userId', 'accountId', 'plan', 'country', 'email', '__proto__', 'constructor', 'targetingKey'), fc.anything()),
  );

  it('evaluate, isEnabled, variation and allFlags answer for any context', async () => {
    const { client } = testClient({ source: V1, onExposure: () => {} });
    await client.ready();
    const keys = [...client.keys(), 'missing', '__proto__'];
    fc.assert(
      fc.property(hostile, fc.constantFrom(...keys), fc.anything(), (context, key, def) => {
        const ctx = context as Record<string, unknown>;
        expect(client.evaluate(key, ctx, def as never).reason).toBeTypeOf('string');
        expect(client.isEnabled(key, ctx)).toBeTypeOf('boolean');
        client.variation(key, ctx, def as never);
        client.allFlags(ctx);
      }),
      { numRuns: 2_000 },
    );
    const throwing = new Proxy({}, { get: () => { throw new Error('hostile getter'); }, has: () => { throw new Error('hostile has'); } });
    expect(() => client.evaluate('new-pdf-engine', throwing, false)).not.toThrow();
    expect(() => client.allFlags(throwing)).not.toThrow();
  });
});
