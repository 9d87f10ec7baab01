/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow. */
const SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/**
 * The 32 raw bytes of an Ed25519 public key written as base64 (raw) or PEM (SPKI), or a reason
 * it is not one. Pure: no crypto needed to check the shape.
 */
export function decodeEd25519PublicKey(text: string): { bytes: Uint8Array } | { problem: string } {
  const pem = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(text);
  const body = (pem ? pem[1]! : text).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) return { problem: 'is not base64' };
  const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  if (!pem) return bytes.length === 32 ? { bytes } : { problem: `decodes to ${bytes.length} bytes, expected 32` };
  const prefixOk = bytes.length === 44 && SPKI_PREFIX.every((b, i) => bytes[i] === b);
  return prefixOk ? { bytes: bytes.slice(12) } : { problem: 'is a PEM key but not an Ed25519 public key' };
}
