import { checkPayload, fromBase64, sha256Hex, verifyBundle, type TrustedKey } from '../../sdk/bundle/index.js';

/** A bundle the relay accepted: the original bytes plus what subscribers and pollers need. */
export interface RelayedBundle {
  environment: string;
  version: number;
  /** SHA-256 hex of the payload bytes; the strong ETag. */
  digest: string;
  /** The commit it was compiled from. */
  source: string;
  /** The envelope exactly as published (served by `GET /<env>.json`). */
  bytes: Uint8Array;
  /** The envelope as JSON on one line (an SSE `data:` field cannot hold a line break). */
  line: string;
}

export type RelayAdmission =
  | { kind: 'accept'; bundle: RelayedBundle }
  | { kind: 'same' }
  | { kind: 'refuse'; reason: string };

/**
 * What the relay lets through: a bundle an SDK with the same keyring would accept (signature,
 * environment), and never a version regression or a second bundle claiming a seen version.
 * Without a keyring the shape, environment and order are still checked; SDKs verify anyway.
 */
export async function admitRelayBundle(bytes: Uint8Array, environment: string, keys: TrustedKey[], current: RelayedBundle | undefined): Promise<RelayAdmission> {
  const checked = keys.length > 0 ? await verified(bytes, environment, keys) : await unverified(bytes, environment);
  if (typeof checked === 'string') return { kind: 'refuse', reason: checked };
  const { version, digest, source } = checked;
  if (current !== undefined) {
    if (version < current.version) return { kind: 'refuse', reason: `version ${version} is older than version ${current.version} being relayed (a replayed or rolled-back bundle)` };
    if (version === current.version) {
      if (digest === current.digest) return { kind: 'same' };
      return { kind: 'refuse', reason: `version ${version} is already relayed with different contents; every publish must raise the version` };
    }
  }
  const text = new TextDecoder().decode(bytes);
  // Re-serializing keeps the payload string, so the signature still covers the same bytes.
  const line = /[\r\n]/.test(text.trimEnd()) ? JSON.stringify(JSON.parse(text)) : text.trimEnd();
  return { kind: 'accept', bundle: { environment, version, digest, source, bytes, line } };
}

interface Facts {
  version: number;
  digest: string;
  source: string;
}

async function verified(bytes: Uint8Array, environment: string, keys: TrustedKey[]): Promise<Facts | string> {
  const result = await verifyBundle(bytes, keys, { environment });
  if (!result.ok) return result.message;
  return { version: result.payload.version, digest: result.digest, source: result.payload.source };
}

async function unverified(bytes: Uint8Array, environment: string): Promise<Facts | string> {
  try {
    const envelope = JSON.parse(new TextDecoder().decode(bytes)) as { payload?: unknown };
    const body = typeof envelope.payload === 'string' ? fromBase64(envelope.payload) : undefined;
    if (!body) return 'The bundle is not a DSSE envelope with a base64 payload.';
    const payload = checkPayload(JSON.parse(new TextDecoder().decode(body)));
    if (typeof payload === 'string') return payload;
    if (payload.environment !== environment) return `The bundle is for environment "${payload.environment}", expected "${environment}".`;
    return { version: payload.version, digest: await sha256Hex(body), source: payload.source };
  } catch (error) {
    return `The bundle is not JSON: ${(error as Error).message}.`;
  }
}
