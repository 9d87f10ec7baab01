import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, pae, toBase64 } from '../../../src/sdk/bundle/envelope.js';
import { decodePublicKey, keyIdOf } from '../../../src/sdk/bundle/keys.js';
import { generateKeyPair } from '../../../src/core/sign.js';
import { createPublicKey, createPrivateKey } from 'node:crypto';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('DSSE pre-authentication encoding', () => {
  it('matches the DSSE specification example', () => {
    const body = new TextEncoder().encode('hello world');
    expect(text(pae('http://example.com/HelloWorld', body))).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });

  it('counts bytes, not characters', () => {
    expect(text(pae('t', new TextEncoder().encode('€')))).toBe('DSSEv1 1 t 3 €');
  });
});

describe('base64', () => {
  it('round-trips any bytes, including payloads larger than one chunk', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
      const encoded = toBase64(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
      expect(fromBase64(encoded)).toEqual(new Uint8Array(bytes));
    }), { numRuns: 30 });
  });

  it.each(['not base64!', 'abc=d', 'a'])('rejects %j', (input) => {
    expect(fromBase64(input)).toBeUndefined();
  });
});

describe('public keys', () => {
  it('reads base64 raw and PEM SPKI keys to the same 32 bytes and keyid', async () => {
    const pair = generateKeyPair();
    const pem = createPublicKey(createPrivateKey(pair.privateKeyPem)).export({ format: 'pem', type: 'spki' }).toString();
    expect(decodePublicKey(pem)).toEqual(decodePublicKey(pair.publicKey));
    expect(decodePublicKey(pair.publicKey)).toHaveLength(32);
    expect(await keyIdOf(pem)).toBe(pair.keyid);
    expect(await keyIdOf(pair.publicKey)).toBe(pair.keyid);
    expect(pair.keyid).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses text that is not an Ed25519 key', async () => {
    expect(decodePublicKey('aGVsbG8=')).toBeUndefined();
    expect(decodePublicKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).toBeUndefined();
    await expect(keyIdOf('nope')).rejects.toThrow(/not an Ed25519 public key/);
  });
});
