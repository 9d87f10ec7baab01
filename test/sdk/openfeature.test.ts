import { OpenFeature, ProviderEvents, ProviderStatus } from '@openfeature/server-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import type { BundlePayload } from '../../src/sdk/bundle/types.js';
import { MemorySource } from '../../src/sdk/index.js';
import { FlagopsProvider } from '../../src/sdk/openfeature.js';
import { serveEverywhere, signedBundle, trusted } from './support/bundles.js';
import { testClient } from './support/client.js';

afterEach(async () => {
  await OpenFeature.close();
});

function withTypedFlags(payload: BundlePayload): void {
  payload.flags['upload-limits'] = { values: [{ maxMb: 10 }, { maxMb: 100 }], names: ['small', 'large'], type: 'object', kill: 0, salt: 'upload-limits', rules: [], default: { v: 1 } };
  payload.flags['retry-count'] = { values: [1, 3], names: ['few', 'many'], type: 'number', kill: 0, salt: 'retry-count', rules: [], default: { v: 1 } };
  payload.flags['maintenance-mode']!.killed = true;
}

describe('FlagopsProvider through @openfeature/server-sdk', () => {
  it('resolves every type with mapped reasons, variants and error codes', async () => {
    const { client } = testClient({ source: signedBundle({ version: 4, edit: withTypedFlags }) });
    await OpenFeature.setProviderAndWait(new FlagopsProvider(client));
    const of = OpenFeature.getClient();

    expect(await of.getBooleanDetails('new-pdf-engine', false, { accountId: 'acct_internal_1' })).toMatchObject({
      value: true, variant: 'on', reason: 'TARGETING_MATCH', flagMetadata: { flagopsReason: 'TARGETING_MATCH', ruleIndex: 0, bundleVersion: 4 },
    });
    expect(await of.getBooleanDetails('maintenance-mode', false, {})).toMatchObject({ value: true, variant: 'on', reason: 'DISABLED', flagMetadata: { killed: true, flagopsReason: 'KILLED' } });
    expect(await of.getNumberDetails('retry-count', 0, {})).toMatchObject({ value: 3, variant: 'many', reason: 'DEFAULT' });
    expect(await of.getObjectDetails('upload-limits', {}, {})).toMatchObject({ value: { maxMb: 100 }, variant: 'large' });
    expect(await of.getBooleanDetails('nope', true, {})).toMatchObject({ value: true, reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND', errorMessage: expect.stringContaining('"nope"') });
    expect(await of.getNumberDetails('new-pdf-engine', 7, {})).toMatchObject({ value: 7, reason: 'ERROR', errorCode: 'TYPE_MISMATCH' });
    expect(await of.getBooleanDetails('new-pdf-engine', false, {})).toMatchObject({ value: false, errorCode: 'TARGETING_KEY_MISSING' });
  });

  it('fills the bucketBy attribute from targetingKey', async () => {
    const { client } = testClient({ source: signedBundle({ version: 1 }) });
    await OpenFeature.setProviderAndWait(new FlagopsProvider(client, { bucketBy: 'userId' }));
    const of = OpenFeature.getClient();
    for (const id of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']) {
      const details = await of.getStringDetails('redesigned-dashboard', 'x', { targetingKey: id });
      expect(details).toMatchObject({ reason: 'SPLIT', value: client.variation('redesigned-dashboard', { userId: id }, 'x') });
    }
  });

  it('emits ConfigurationChanged with the changed flags', async () => {
    const source = new MemorySource(signedBundle({ version: 1 }));
    const { client } = testClient({ source });
    await OpenFeature.setProviderAndWait(new FlagopsProvider(client));
    const changed = new Promise<string[] | undefined>((resolve) => OpenFeature.addHandler(ProviderEvents.ConfigurationChanged, (e) => resolve(e?.flagsChanged as string[] | undefined)));
    await source.update(signedBundle({ version: 2, edit: serveEverywhere('maintenance-mode', 0) }));
    expect(await changed).toEqual(['maintenance-mode']);
    expect(await OpenFeature.getClient().getBooleanValue('maintenance-mode', false)).toBe(true);
  });

  it('without a bundle: initialization fails, evaluations return defaults, a later bundle makes it Ready', async () => {
    const source = new MemorySource();
    const provider = new FlagopsProvider({ source, environment: 'production', keys: trusted, timeout: 100, logger: { warn: () => {} } });
    await expect(OpenFeature.setProviderAndWait(provider)).rejects.toThrow(/no verified flags bundle yet/);
    const of = OpenFeature.getClient();
    expect(of.providerStatus).toBe(ProviderStatus.ERROR);
    expect(await of.getBooleanDetails('maintenance-mode', true)).toMatchObject({ value: true, reason: 'ERROR', errorCode: 'PROVIDER_NOT_READY' });

    const ready = new Promise<void>((resolve) => OpenFeature.addHandler(ProviderEvents.Ready, () => resolve()));
    await source.update(signedBundle({ version: 1 }));
    await ready;
    expect(of.providerStatus).toBe(ProviderStatus.READY);
    expect(await of.getBooleanDetails('maintenance-mode', true)).toMatchObject({ value: false, reason: 'DEFAULT' });
  });

  it('an expired bundle makes the provider STALE', async () => {
    const { client } = testClient({ source: signedBundle({ version: 1, issuedAt: '2020-01-01T00:00:00Z', ttlSeconds: 60 }) });
    const stale = new Promise<void>((resolve) => OpenFeature.addHandler(ProviderEvents.Stale, () => resolve()));
    await OpenFeature.setProviderAndWait(new FlagopsProvider(client));
    await stale;
    expect(OpenFeature.getClient().providerStatus).toBe(ProviderStatus.STALE);
  });
});
