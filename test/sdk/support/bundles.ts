import { createHash } from 'node:crypto';
import { compileBundle } from '../../../src/core/compile/index.js';
import { generateKeyPair, serializeEnvelope, signPayload } from '../../../src/core/sign.js';
import { loadProject } from '../../../src/io/project.js';
import type { BundlePayload, Envelope } from '../../../src/sdk/bundle/types.js';
import { ROOT } from '../../support/tmp.js';

/** The example flags, parsed once per test file. */
const project = await loadProject('flags', { cwd: ROOT });

export const signer = generateKeyPair();
export const stranger = generateKeyPair();
export const trusted = [{ id: 'test', publicKey: signer.publicKey }];

export interface PayloadOptions {
  environment?: string;
  version?: number;
  issuedAt?: string;
  ttlSeconds?: number;
  edit?: (payload: BundlePayload) => void;
}

/** The example flags compiled for an environment, with the given version. */
export function examplePayload(options: PayloadOptions = {}): BundlePayload {
  const payload = compileBundle(project, options.environment ?? 'production', {
    version: options.version ?? 1,
    issuedAt: options.issuedAt ?? new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    source: `c0ffee${options.version ?? 1}`,
    ttlSeconds: options.ttlSeconds ?? 30 * 86400,
  });
  options.edit?.(payload);
  return payload;
}

/** A signed bundle file's text. */
export function signedBundle(options: PayloadOptions = {}, privateKeyPem = signer.privateKeyPem): string {
  return serializeEnvelope(signPayload(examplePayload(options), privateKeyPem));
}

/** The same envelope with one payload byte changed after signing. */
export function tampered(text: string): string {
  const envelope = JSON.parse(text) as Envelope;
  const body = Buffer.from(envelope.payload, 'base64').toString('utf8').replace('"version":', '"version": ');
  return JSON.stringify({ ...envelope, payload: Buffer.from(body).toString('base64') });
}

export function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('hex').slice(0, 16)}"`;
}

/** Forces a flag to serve one variation everywhere (a visible change between versions). */
export function serveEverywhere(key: string, variation: number) {
  return (payload: BundlePayload): void => {
    const flag = payload.flags[key]!;
    flag.rules = [];
    flag.default = { v: variation };
  };
}
