/** Checking a bundle before anyone trusts it: signature first, then the payload's shape. */
import { fromBase64, pae, sha256Hex, type Bytes } from './envelope.js';
import { decodePublicKey, keyIdOf, type TrustedKey } from './keys.js';
import { checkPayload } from './payload.js';
import { PAYLOAD_TYPE, type BundlePayload } from './types.js';

export type VerifyFailure =
  | 'MALFORMED'
  | 'WRONG_PAYLOAD_TYPE'
  | 'UNSIGNED'
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  | 'BAD_PAYLOAD'
  | 'WRONG_ENVIRONMENT';

export type VerifyResult =
  | { ok: true; payload: BundlePayload; /** SHA-256 hex of the payload bytes. */ digest: string; keyid: string }
  | { ok: false; code: VerifyFailure; /** A sentence a person understands. */ message: string };

interface RawEnvelope {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

const ED25519 = { name: 'Ed25519' } as const;

/**
 * Verifies a DSSE bundle envelope against a keyring. The signature is checked over the exact
 * payload bytes before they are parsed; any signature verifying with any trusted key is enough
 * (key rotation). Never throws: every problem comes back as `{ ok: false, code, message }`.
 * Expiry and version ordering are left to the caller (see {@link isExpired}).
 *
 * @example
 * const result = await verifyBundle(text, [{ publicKey: 'LLxD…Q0g=' }], { environment: 'production' });
 * if (result.ok) use(result.payload); else console.warn(result.code, result.message);
 */
export async function verifyBundle(
  envelope: string | Uint8Array,
  keys: TrustedKey[],
  expect: { environment?: string } = {},
): Promise<VerifyResult> {
  try {
    return await verifyUnsafe(envelope, keys, expect);
  } catch (error) {
    return fail('MALFORMED', `The bundle could not be checked: ${(error as Error)?.message ?? String(error)}.`);
  }
}

async function verifyUnsafe(input: string | Uint8Array, keys: TrustedKey[], expect: { environment?: string }): Promise<VerifyResult> {
  const envelope = parseEnvelope(input);
  if (typeof envelope === 'string') return fail('MALFORMED', envelope);
  if (envelope.payloadType !== PAYLOAD_TYPE) {
    return fail('WRONG_PAYLOAD_TYPE', `The envelope carries "${envelope.payloadType}", not a flagops bundle (${PAYLOAD_TYPE}).`);
  }
  const body = fromBase64(envelope.payload);
  if (!body) return fail('MALFORMED', 'The envelope payload is not valid base64.');
  if (envelope.signatures.length === 0) return fail('UNSIGNED', 'The bundle has no signature; compile it with a signing key.');
  const signed = await findSignature(envelope, body, keys);
  if (typeof signed !== 'string') return signed;
  const payload = parsePayload(body);
  if (typeof payload === 'string') return fail('BAD_PAYLOAD', payload);
  if (expect.environment !== undefined && payload.environment !== expect.environment) {
    return fail('WRONG_ENVIRONMENT', `The bundle is for environment "${payload.environment}", expected "${expect.environment}".`);
  }
  return { ok: true, payload, digest: await sha256Hex(body), keyid: signed };
}

/** The keyid of the first signature that verifies, or the failure explaining why none did. */
async function findSignature(envelope: RawEnvelope, body: Bytes, keys: TrustedKey[]): Promise<string | VerifyResult> {
  const trusted = await importKeys(keys);
  const message = pae(envelope.payloadType, body);
  let matchedKey = false;
  for (const { keyid, sig } of envelope.signatures) {
    const signature = fromBase64(sig);
    for (const key of trusted) {
      if (keyid !== '' && keyid !== key.keyid) continue;
      matchedKey = true;
      if (signature && (await globalThis.crypto.subtle.verify(ED25519, key.key, signature, message))) return key.keyid;
    }
  }
  if (!matchedKey) {
    const named = envelope.signatures.map((s) => s.keyid || '(none)').join(', ');
    return fail('UNKNOWN_KEY', `The bundle is signed by key ${named}, which is not in the trusted keyring (${trusted.length} usable key(s)).`);
  }
  return fail('BAD_SIGNATURE', 'The signature does not match the bundle: it was altered after signing, or signed by another key with the same id.');
}

async function importKeys(keys: TrustedKey[]): Promise<{ keyid: string; key: CryptoKey }[]> {
  const out: { keyid: string; key: CryptoKey }[] = [];
  for (const trusted of keys) {
    const raw = decodePublicKey(trusted?.publicKey ?? '');
    if (!raw) continue; // An unreadable key cannot vouch for anything; the others still may.
    const key = await globalThis.crypto.subtle.importKey('raw', raw, ED25519, false, ['verify']);
    out.push({ keyid: await keyIdOf(raw), key });
  }
  return out;
}

function parseEnvelope(input: string | Uint8Array): RawEnvelope | string {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `The bundle is not JSON: ${(error as Error).message}.`;
  }
  const e = value as Partial<RawEnvelope> | null;
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return 'The bundle is not a DSSE envelope (expected a JSON object).';
  if (typeof e.payloadType !== 'string' || typeof e.payload !== 'string' || !Array.isArray(e.signatures)) {
    return 'The bundle is not a DSSE envelope: it needs string "payloadType" and "payload" and a "signatures" array.';
  }
  const signatures = e.signatures.filter((s) => typeof s?.sig === 'string').map((s) => ({ keyid: typeof s.keyid === 'string' ? s.keyid : '', sig: s.sig }));
  if (signatures.length !== e.signatures.length) return 'The envelope has a signature without a string "sig".';
  return { payloadType: e.payloadType, payload: e.payload, signatures };
}

function parsePayload(body: Bytes): BundlePayload | string {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (error) {
    return `The signed payload is not UTF-8 JSON: ${(error as Error).message}.`;
  }
  return checkPayload(value);
}

function fail(code: VerifyFailure, message: string): VerifyResult {
  return { ok: false, code, message };
}

/** True when the bundle is past its `expiresAt` at `now` (default: the current time). */
export function isExpired(payload: Pick<BundlePayload, 'expiresAt'>, now: Date | number = Date.now()): boolean {
  const expires = Date.parse(payload.expiresAt);
  return !Number.isFinite(expires) || expires <= (typeof now === 'number' ? now : now.getTime());
}
