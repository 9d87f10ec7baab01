/** The bundle wire contract: envelope, canonical JSON, keys and verification. Runtime-neutral. */
export * from './types.js';
export { canonicalJson } from './canonical.js';
export { pae, toBase64, fromBase64, sha256Hex, toHex, type Bytes } from './envelope.js';
export { decodePublicKey, keyIdOf, type TrustedKey } from './keys.js';
export { checkPayload } from './payload.js';
export { verifyBundle, isExpired, type VerifyFailure, type VerifyResult } from './verify.js';
