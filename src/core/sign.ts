/** Signing a payload into a DSSE envelope, with the same canonical JSON the SDK verifies. */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../sdk/bundle/canonical.js';
import { decodePublicKey } from '../sdk/bundle/keys.js';
import { pae } from '../sdk/bundle/envelope.js';
import { PAYLOAD_TYPE, type BundlePayload, type Envelope } from '../sdk/bundle/types.js';
import { ConfigError } from './errors.js';

/** A fresh Ed25519 key pair as flagops stores it. */
export interface GeneratedKeyPair {
  /** Base64 of the raw 32-byte public key: what goes into `signing.keys`. */
  publicKey: string;
  /** PKCS#8 PEM: what goes into FLAGS_SIGNING_KEY or a key file, never into the repo. */
  privateKeyPem: string;
  keyid: string;
}

export function generateKeyPair(): GeneratedKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  return {
    publicKey: Buffer.from(raw).toString('base64'),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    keyid: keyIdOfRaw(raw),
  };
}

/** Reads a PEM private key; a ConfigError saying what is wrong when it is not an Ed25519 one. */
export function toPrivateKey(key: KeyObject | string, source = 'the signing key'): KeyObject {
  let keyObject: KeyObject;
  try {
    keyObject = typeof key === 'string' ? createPrivateKey(key) : key;
  } catch (error) {
    throw new ConfigError(`${source} is not a readable private key`, {
      hint: 'Expected a PEM "PRIVATE KEY" as written by `flags keygen`.',
      cause: error,
    });
  }
  if (keyObject.type !== 'private' || keyObject.asymmetricKeyType !== 'ed25519') {
    throw new ConfigError(`${source} is a ${keyObject.asymmetricKeyType ?? keyObject.type} key, not an Ed25519 private key`, {
      hint: 'Generate one with `flags keygen`.',
    });
  }
  return keyObject;
}

/** The keyid of the public half of a private key. */
export function keyIdOfPrivateKey(key: KeyObject | string): string {
  return keyIdOfRaw(rawPublicKey(createPublicKey(toPrivateKey(key))));
}

/** The keyid of a public key as the config writes it (base64 raw or PEM); undefined if unreadable. */
export function keyIdOfPublicKey(text: string): string | undefined {
  const raw = decodePublicKey(text);
  return raw ? keyIdOfRaw(raw) : undefined;
}

/** Signs the canonical JSON of `payload` over DSSE's PAE with an Ed25519 private key. */
export function signPayload(payload: BundlePayload, privateKey: KeyObject | string): Envelope {
  const key = toPrivateKey(privateKey);
  const body = Buffer.from(canonicalJson(payload), 'utf8');
  const sig = sign(null, pae(PAYLOAD_TYPE, body), key);
  return {
    payloadType: PAYLOAD_TYPE,
    payload: body.toString('base64'),
    signatures: [{ keyid: keyIdOfPrivateKey(key), sig: sig.toString('base64') }],
  };
}

/** An envelope with no signature, for local testing (`--unsigned`); SDKs refuse it. */
export function unsignedEnvelope(payload: BundlePayload): Envelope {
  return { payloadType: PAYLOAD_TYPE, payload: Buffer.from(canonicalJson(payload), 'utf8').toString('base64'), signatures: [] };
}

/** The bytes a bundle file holds: the envelope, one field per line, newline-terminated. */
export function serializeEnvelope(envelope: Envelope): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

function rawPublicKey(publicKey: KeyObject): Uint8Array {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(der.length - 32));
}

function keyIdOfRaw(raw: Uint8Array): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}
