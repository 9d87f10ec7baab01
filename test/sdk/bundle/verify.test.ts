import { describe, expect, it } from 'vitest';
import { generateKeyPair, signPayload, unsignedEnvelope } from '../../../src/core/sign.js';
import { toBase64 } from '../../../src/sdk/bundle/envelope.js';
import { BUNDLE_FORMAT, type BundlePayload, type Envelope } from '../../../src/sdk/bundle/types.js';
import { isExpired, verifyBundle, type VerifyResult } from '../../../src/sdk/bundle/verify.js';

const payload: BundlePayload = {
  format: BUNDLE_FORMAT,
  environment: 'production',
  version: 7,
  issuedAt: '2026-01-01T00:00:00Z',
  expiresAt: '2026-01-31T00:00:00Z',
  source: 'abc123',
  flags: {
    'new-pdf-engine': { values: [true, false], names: ['on', 'off'], type: 'boolean', kill: 1, salt: 'new-pdf-engine', rules: [], default: { split: [5000, 5000], by: 'accountId' } },
  },
  segments: { beta: { attr: 'accountId', include: ['a1'] } },
};

const alice = generateKeyPair();
const bob = generateKeyPair();
const trust = (...pairs: { publicKey: string }[]) => pairs.map((p) => ({ publicKey: p.publicKey }));
const encode = (envelope: Envelope) => JSON.stringify(envelope);

function code(result: VerifyResult): string {
  return result.ok ? 'OK' : result.code;
}

describe('verifyBundle', () => {
  it('accepts a signed bundle and returns the payload, digest and keyid', async () => {
    const result = await verifyBundle(encode(signPayload(payload, alice.privateKeyPem)), trust(alice), { environment: 'production' });
    expect(result).toMatchObject({ ok: true, payload, keyid: alice.keyid });
    expect(result.ok && result.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts bytes as well as text', async () => {
    const bytes = new TextEncoder().encode(encode(signPayload(payload, alice.privateKeyPem)));
    expect(code(await verifyBundle(bytes, trust(alice)))).toBe('OK');
  });

  it('supports rotation: any signature verifying with any trusted key is enough', async () => {
    const old = signPayload(payload, alice.privateKeyPem);
    const both = { ...old, signatures: [...signPayload(payload, bob.privateKeyPem).signatures, ...old.signatures] };
    expect(await verifyBundle(encode(both), trust(alice))).toMatchObject({ ok: true, keyid: alice.keyid });
    expect(await verifyBundle(encode(old), trust(bob, alice))).toMatchObject({ ok: true, keyid: alice.keyid });
  });

  it('fails on every single flipped byte of the payload', async () => {
    const envelope = signPayload(payload, alice.privateKeyPem);
    const body = Buffer.from(envelope.payload, 'base64');
    for (const index of [0, 10, Math.floor(body.length / 2), body.length - 1]) {
      const tampered = Buffer.from(body);
      tampered[index] = tampered[index]! ^ 0x01;
      const result = await verifyBundle(encode({ ...envelope, payload: tampered.toString('base64') }), trust(alice));
      expect(code(result)).toBe('BAD_SIGNATURE');
    }
  });

  it('fails when the signature itself is altered', async () => {
    const envelope = signPayload(payload, alice.privateKeyPem);
    const sig = Buffer.from(envelope.signatures[0]!.sig, 'base64');
    sig[5] = sig[5]! ^ 0x80;
    const bad = { ...envelope, signatures: [{ ...envelope.signatures[0]!, sig: sig.toString('base64') }] };
    expect(code(await verifyBundle(encode(bad), trust(alice)))).toBe('BAD_SIGNATURE');
  });

  it('does not let a key vouch for another key\'s keyid', async () => {
    const envelope = signPayload(payload, bob.privateKeyPem);
    const claimed = { ...envelope, signatures: [{ keyid: alice.keyid, sig: envelope.signatures[0]!.sig }] };
    expect(code(await verifyBundle(encode(claimed), trust(alice)))).toBe('BAD_SIGNATURE');
  });

  it.each<[string, string | Uint8Array, string]>([
    ['not JSON', '{"payloadType"', 'MALFORMED'],
    ['a JSON array', '[]', 'MALFORMED'],
    ['missing signatures', JSON.stringify({ payloadType: 'application/vnd.flagops.bundle.v1+json', payload: '' }), 'MALFORMED'],
    ['a payload that is not base64', JSON.stringify({ payloadType: 'application/vnd.flagops.bundle.v1+json', payload: '%%%', signatures: [{ keyid: '', sig: 'AA==' }] }), 'MALFORMED'],
    ['another payload type', JSON.stringify({ payloadType: 'application/vnd.in-toto+json', payload: '', signatures: [] }), 'WRONG_PAYLOAD_TYPE'],
    ['invalid UTF-8 bytes', new Uint8Array([0xff, 0xfe, 0x7b]), 'MALFORMED'],
  ])('reports %s as %s', async (_label, input, expected) => {
    expect(code(await verifyBundle(input, trust(alice)))).toBe(expected);
  });

  it('reports an unsigned bundle as UNSIGNED', async () => {
    expect(code(await verifyBundle(encode(unsignedEnvelope(payload)), trust(alice)))).toBe('UNSIGNED');
  });

  it('reports a signature by a key outside the keyring as UNKNOWN_KEY, naming it', async () => {
    const result = await verifyBundle(encode(signPayload(payload, bob.privateKeyPem)), trust(alice));
    expect(result).toMatchObject({ ok: false, code: 'UNKNOWN_KEY' });
    expect(!result.ok && result.message).toContain(bob.keyid);
    expect(code(await verifyBundle(encode(signPayload(payload, bob.privateKeyPem)), [{ publicKey: 'garbage' }]))).toBe('UNKNOWN_KEY');
  });

  it('reports a bundle for another environment as WRONG_ENVIRONMENT', async () => {
    const result = await verifyBundle(encode(signPayload(payload, alice.privateKeyPem)), trust(alice), { environment: 'staging' });
    expect(result).toMatchObject({ ok: false, code: 'WRONG_ENVIRONMENT' });
    expect(!result.ok && result.message).toBe('The bundle is for environment "production", expected "staging".');
  });

  it.each<[string, unknown]>([
    ['a future format', { ...payload, format: 2 }],
    ['a missing version', { ...payload, version: undefined }],
    ['a kill index out of range', { ...payload, flags: { f: { ...payload.flags['new-pdf-engine'], kill: 5 } } }],
    ['a non-object payload', [1, 2]],
  ])('reports a correctly signed payload with %s as BAD_PAYLOAD', async (_label, bad) => {
    expect(code(await verifyBundle(encode(signPayload(bad as BundlePayload, alice.privateKeyPem)), trust(alice)))).toBe('BAD_PAYLOAD');
  });

  it('checks the signature before parsing: a signed non-JSON body is BAD_PAYLOAD only when the signature holds', async () => {
    const envelope = signPayload(payload, alice.privateKeyPem);
    const garbage = { ...envelope, payload: toBase64(new TextEncoder().encode('{not json')) };
    expect(code(await verifyBundle(encode(garbage), trust(alice)))).toBe('BAD_SIGNATURE');
  });

  it('never throws, whatever it is handed', async () => {
    for (const input of ['', 'null', '{"payloadType":1}', JSON.stringify({ payloadType: 'x', payload: 'x', signatures: [null] })]) {
      expect((await verifyBundle(input, trust(alice))).ok).toBe(false);
    }
    expect((await verifyBundle(undefined as unknown as string, [null as never])).ok).toBe(false);
  });
});

describe('isExpired', () => {
  it('is true from expiresAt on', () => {
    expect(isExpired(payload, Date.parse('2026-01-30T23:59:59Z'))).toBe(false);
    expect(isExpired(payload, new Date('2026-01-31T00:00:00Z'))).toBe(true);
    expect(isExpired({ expiresAt: 'not a date' }, 0)).toBe(true);
  });
});
