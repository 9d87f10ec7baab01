/** Ed25519 public keys as the config and SDK options write them: base64 of 32 raw bytes, or PEM. */
import { fromBase64, sha256Hex, type Bytes } from './envelope.js';

/** A public key an SDK trusts; `id` is a label for people, the keyid is derived from the key. */
export interface TrustedKey {
  id?: string;
  /** Base64 of the raw 32-byte Ed25519 key, or a PEM `PUBLIC KEY` (SPKI). */
  publicKey: string;
}

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key is the 32 bytes after it. */
const SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/**
 * The raw 32 key bytes of an Ed25519 public key written as base64 (raw or SPKI DER) or PEM;
 * undefined when the text is neither.
 */
export function decodePublicKey(text: string): Bytes | undefined {
  const pem = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(text);
  const bytes = fromBase64(pem ? pem[1]! : text.trim());
  if (!bytes) return undefined;
  if (bytes.length === 32 && !pem) return bytes;
  if (bytes.length === SPKI_PREFIX.length + 32 && SPKI_PREFIX.every((b, i) => bytes[i] === b)) {
    return bytes.slice(SPKI_PREFIX.length);
  }
  return undefined;
}

/**
 * The keyid a bundle's signature names: the first 16 hex characters of SHA-256 over the raw
 * 32-byte key. Accepts the raw bytes or any text {@link decodePublicKey} reads.
 */
export async function keyIdOf(publicKey: string | Uint8Array): Promise<string> {
  const raw = typeof publicKey === 'string' ? decodePublicKey(publicKey) : new Uint8Array(publicKey);
  if (!raw || raw.length !== 32) throw new TypeError('keyIdOf: not an Ed25519 public key (expected 32 raw bytes, base64 or PEM)');
  return (await sha256Hex(raw)).slice(0, 16);
}
