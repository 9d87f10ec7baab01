import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, UsageError } from '../core/errors.js';
import { fromBase64, sha256Hex, verifyBundle, type BundlePayload } from '../sdk/bundle/index.js';
import { loadProject, toPosix } from './project.js';
import { createTarget, PublishError, type PublishTarget } from './publish-target.js';

export interface PublishOptions {
  cwd: string;
  /** Flags folder; default `flags`. */
  dir?: string;
  /** Folder or http(s) URL; default the config's `publish.to`. */
  to?: string;
  /** Default: every environment of the config. */
  environments?: string[];
  /** Where the compiled bundles are; default the config's `bundle.dir`. */
  from?: string;
  /** Bearer token for an HTTP origin; default FLAGS_PUBLISH_TOKEN. */
  token?: string;
}

export interface PublishedBundle {
  environment: string;
  /** Where it went: a file path or a URL. */
  location: string;
  version: number;
  digest: string;
  /** The version that was published before, if any. */
  previous?: number;
  status: 'published' | 'unchanged';
}

export interface PublishResult {
  target: string;
  bundles: PublishedBundle[];
}

interface Candidate {
  environment: string;
  name: string;
  bytes: Uint8Array;
  payload: BundlePayload;
  digest: string;
  previous?: { version: number; digest: string };
}

/**
 * Publishes compiled bundles to a folder (atomic temp + rename) or an HTTP origin (PUT).
 * Every bundle is verified against the config keyring and compared with what is published
 * before anything is written: a lower version, or the same version with other content, is
 * refused (SDKs would reject it as a rollback) and nothing is published.
 */
export async function publishBundles(options: PublishOptions): Promise<PublishResult> {
  const project = await loadProject(options.dir ?? 'flags', { cwd: options.cwd });
  const to = options.to ?? project.config.publish.to;
  if (!to) throw new UsageError('no publish target', { hint: `Pass --to DIR|URL, or set publish.to in ${project.dir}/flagops.yaml.` });
  const from = options.from ? path.resolve(options.cwd, options.from) : path.resolve(options.cwd, project.dir, '..', project.config.bundle.dir);
  const environments = options.environments?.length ? options.environments : project.config.environments;
  for (const env of environments) {
    if (!project.config.environments.includes(env)) {
      throw new UsageError(`unknown environment "${env}"`, { hint: `${project.dir}/flagops.yaml declares: ${project.config.environments.join(', ')}.` });
    }
  }
  const target = createTarget(to, { cwd: options.cwd, token: options.token ?? process.env.FLAGS_PUBLISH_TOKEN });
  const keys = project.config.signing.keys;
  const candidates: Candidate[] = [];
  for (const environment of environments) {
    const candidate = await readCandidate(from, environment, keys, options.cwd);
    candidate.previous = await readPublished(target, candidate.name);
    checkOrder(candidate, target);
    candidates.push(candidate);
  }
  const bundles: PublishedBundle[] = [];
  for (const c of candidates) {
    const base = { environment: c.environment, version: c.payload.version, digest: c.digest, previous: c.previous?.version };
    if (c.previous?.digest === c.digest) bundles.push({ ...base, location: target.describe, status: 'unchanged' });
    else bundles.push({ ...base, location: await target.write(c.name, c.bytes), status: 'published' });
  }
  return { target: target.describe, bundles };
}

async function readCandidate(from: string, environment: string, keys: { id: string; publicKey: string }[], cwd: string): Promise<Candidate> {
  const name = `${environment}.json`;
  const file = path.join(from, name);
  const shown = toPosix(path.relative(cwd, file));
  const bytes = await readFile(file).then((b) => new Uint8Array(b), (error: unknown) => {
    throw new ConfigError(`no compiled bundle at ${shown}`, { hint: 'Run `flags compile` first (with FLAGS_SIGNING_KEY set).', cause: error });
  });
  const verified = await verifyBundle(bytes, keys, { environment });
  if (!verified.ok) {
    throw new ConfigError(`refusing to publish ${shown}: ${verified.message}`, {
      hint: verified.code === 'UNSIGNED' || verified.code === 'UNKNOWN_KEY'
        ? 'Compile with a signing key whose public key is in signing.keys; SDKs would reject this bundle.'
        : 'Recompile with `flags compile`; SDKs would reject this bundle.',
    });
  }
  return { environment, name, bytes, payload: verified.payload, digest: verified.digest };
}

/** Version and digest of what is published; the signature is not needed to know where we stand. */
async function readPublished(target: PublishTarget, name: string): Promise<{ version: number; digest: string } | undefined> {
  const bytes = await target.read(name);
  if (!bytes) return undefined;
  try {
    const envelope = JSON.parse(new TextDecoder().decode(bytes)) as { payload: string };
    const body = fromBase64(envelope.payload)!;
    const payload = JSON.parse(new TextDecoder().decode(body)) as { version: unknown };
    if (typeof payload.version !== 'number') throw new Error('no version');
    return { version: payload.version, digest: await sha256Hex(body) };
  } catch (error) {
    throw new PublishError(`the published ${name} at ${target.describe} is not a flagops bundle`, {
      hint: 'Remove or fix it by hand after checking what wrote it; flagops does not overwrite what it cannot read.',
      cause: error,
    });
  }
}

function checkOrder(c: Candidate, target: PublishTarget): void {
  const previous = c.previous;
  if (!previous) return;
  const version = c.payload.version;
  if (previous.version > version || (previous.version === version && previous.digest !== c.digest)) {
    const what = previous.version > version ? `version ${version} is older than the published version ${previous.version}` : `version ${version} is already published with different content`;
    throw new PublishError(`refusing to publish ${c.environment}: ${what} at ${target.describe}; nothing was published`, {
      hint: 'SDKs reject going backwards (rollback protection), so this is never forced. Compile from an up-to-date default branch (git pull), commit, and publish again.',
    });
  }
}
