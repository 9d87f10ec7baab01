import { verifyBundle, type TrustedKey, type VerifyFailure } from './bundle/index.js';
import type { BundlePayload } from './bundle/types.js';
import { ClientError, type ClientErrorCode } from './errors.js';

/** The highest version this client has accepted (or remembered from its cache) and its digest. */
export interface VersionFloor {
  version: number;
  digest: string;
}

export type Admission =
  | { kind: 'accept'; payload: BundlePayload; digest: string; keyid: string }
  /** The bundle already served (same version, same digest): nothing to do. */
  | { kind: 'same'; payload: BundlePayload; digest: string; keyid: string }
  | { kind: 'reject'; error: ClientError };

export interface AdmitOptions {
  keys: TrustedKey[];
  environment: string;
  floor: VersionFloor | undefined;
  /** Where the bytes came from, for messages. */
  origin: string;
  /** Hint appended to a rollback refusal (e.g. where the remembered version lives). */
  rollbackHint?: string;
}

const VERIFY_CODES: Record<VerifyFailure, ClientErrorCode> = {
  MALFORMED: 'MALFORMED',
  WRONG_PAYLOAD_TYPE: 'MALFORMED',
  BAD_PAYLOAD: 'MALFORMED',
  UNSIGNED: 'SIGNATURE_INVALID',
  BAD_SIGNATURE: 'SIGNATURE_INVALID',
  UNKNOWN_KEY: 'UNKNOWN_KEY',
  WRONG_ENVIRONMENT: 'WRONG_ENVIRONMENT',
};

/**
 * Decides whether bytes from a source may replace the bundle being served: signature by a
 * trusted key (checked over the exact payload bytes before parsing), the right environment,
 * and never an older version or a second bundle claiming an already-seen version.
 */
export async function admitBundle(body: string | Uint8Array, options: AdmitOptions): Promise<Admission> {
  const { origin, floor } = options;
  const verified = await verifyBundle(body, options.keys, { environment: options.environment });
  if (!verified.ok) {
    return reject(VERIFY_CODES[verified.code] ?? 'MALFORMED', `refused the bundle from ${origin}: ${verified.message}`);
  }
  const { payload, digest, keyid } = verified;
  if (floor !== undefined) {
    if (payload.version < floor.version) {
      const hint = options.rollbackHint ? ` ${options.rollbackHint}` : '';
      return reject('ROLLBACK', `refused the bundle from ${origin}: version ${payload.version} is older than version ${floor.version} already seen (a replayed old bundle, or a publish that went backwards).${hint}`);
    }
    if (payload.version === floor.version) {
      if (digest === floor.digest) return { kind: 'same', payload, digest, keyid };
      return reject('DIGEST_CONFLICT', `refused the bundle from ${origin}: it claims version ${payload.version}, already seen with different contents (digest ${digest.slice(0, 12)}… vs ${floor.digest.slice(0, 12)}…); every publish must raise the version.`);
    }
  }
  return { kind: 'accept', payload, digest, keyid };
}

function reject(code: ClientErrorCode, message: string): Admission {
  return { kind: 'reject', error: new ClientError(code, message) };
}
