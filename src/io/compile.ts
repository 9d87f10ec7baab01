import { createHash } from 'node:crypto';
import path from 'node:path';
import { compileBundle, toRfc3339, type BundleMeta } from '../core/compile/index.js';
import { parseDuration } from '../core/config.js';
import { ConfigError, GitError, UsageError } from '../core/errors.js';
import { locate } from '../core/parse.js';
import type { ParsedProject } from '../core/project.js';
import { keyIdOfPrivateKey, keyIdOfPublicKey, serializeEnvelope, signPayload, unsignedEnvelope } from '../core/sign.js';
import type { Diagnostic } from '../core/types.js';
import { readCommitInfo } from '../git/commit-info.js';
import type { BundlePayload, Envelope } from '../sdk/bundle/types.js';
import { writeFileAtomic } from './atomic.js';
import { readSigningKey } from './keys.js';
import { lintProject } from '../core/lint/index.js';
import { loadProject, toPosix } from './project.js';

export interface CompileOptions {
  cwd: string;
  /** The flags folder; default `flags`. */
  dir?: string;
  /** Output folder (relative to cwd); default the config's `bundle.dir`, next to the flags folder. */
  out?: string;
  /** Default: every environment of the config. */
  environments?: string[];
  keyFile?: string;
  /** PEM text, e.g. FLAGS_SIGNING_KEY. */
  signingKey?: string;
  /** Write envelopes with no signature (local testing; SDKs refuse them). */
  unsigned?: boolean;
  /** Only outside a git repository: the version to stamp. */
  version?: number;
}

export interface CompiledBundleFile {
  environment: string;
  /** Path relative to cwd. */
  file: string;
  version: number;
  /** SHA-256 hex of the payload bytes, as SDKs compute it. */
  digest: string;
  flags: number;
  keyid?: string;
}

export interface CompileResult {
  bundles: CompiledBundleFile[];
  /** Lint findings; with any error, nothing was written. */
  diagnostics: Diagnostic[];
  dirty: boolean;
  source?: string;
  /** Sentences a person should read (dirty tree, no git). */
  warnings: string[];
}

/**
 * Lints, compiles every environment, signs and writes `<out>/<env>.json` atomically. Refuses
 * (writes nothing) on lint errors; all checks that can fail run before the first write.
 */
export async function compileProjectToDisk(options: CompileOptions): Promise<CompileResult> {
  const project = await loadProject(options.dir ?? 'flags', { cwd: options.cwd, invalidConfig: 'report' });
  const diagnostics = lintProject(project, { specs: false });
  if (diagnostics.some((d) => d.severity === 'error')) return { bundles: [], diagnostics, dirty: false, warnings: [] };
  const environments = chooseEnvironments(project, options.environments);
  const { meta, dirty, warnings } = await bundleMeta(project, options);
  const sign = await signer(project, options);
  const envelopes = environments.map((environment) => {
    const payload = compileBundle(project, environment, meta);
    return { payload, envelope: sign(payload) };
  });
  const outDir = options.out ? path.resolve(options.cwd, options.out) : path.resolve(options.cwd, project.dir, '..', project.config.bundle.dir);
  const bundles: CompiledBundleFile[] = [];
  for (const { payload, envelope } of envelopes) {
    const file = path.join(outDir, `${payload.environment}.json`);
    await writeFileAtomic(file, serializeEnvelope(envelope));
    bundles.push(describeBundle(payload, envelope, toPosix(path.relative(options.cwd, file))));
  }
  return { bundles, diagnostics, dirty, source: meta.source, warnings };
}

function chooseEnvironments(project: ParsedProject, wanted: string[] | undefined): string[] {
  const known = project.config.environments;
  for (const env of wanted ?? []) {
    if (!known.includes(env)) throw new UsageError(`unknown environment "${env}"`, { hint: `${project.dir}/flagops.yaml declares: ${known.join(', ')}.` });
  }
  return wanted && wanted.length > 0 ? wanted : known;
}

/** Version, times and source, from the commit (see README, "the version rule"). */
async function bundleMeta(project: ParsedProject, options: CompileOptions): Promise<{ meta: BundleMeta; dirty: boolean; warnings: string[] }> {
  const ttlSeconds = ttlOf(project);
  let commit;
  try {
    commit = await readCommitInfo(options.cwd, { paths: [project.dir] });
  } catch (error) {
    if (!(error instanceof GitError) || options.version === undefined) throw error;
    const warning = 'not a git repository: the version is the one given and the time is now; this bundle is not reproducible';
    return { meta: { version: options.version, issuedAt: toRfc3339(Date.now()), source: 'unversioned', ttlSeconds }, dirty: false, warnings: [warning] };
  }
  if (options.version !== undefined) {
    throw new UsageError('--bundle-version is only for compiling outside git', { hint: 'In a repository the version is the first-parent commit count, so it always increases; drop --bundle-version.' });
  }
  const issuedAt = toRfc3339(Date.parse(commit.time));
  if (!commit.dirty) return { meta: { version: commit.firstParentCount, issuedAt, source: commit.sha, ttlSeconds }, dirty: false, warnings: [] };
  const meta = { version: commit.firstParentCount + 1, issuedAt, source: `${commit.sha}+dirty`, ttlSeconds };
  return { meta, dirty: true, warnings: ["uncommitted changes: this bundle is not reproducible; don't publish it"] };
}

function ttlOf(project: ParsedProject): number {
  const ttl = project.config.bundle.ttl;
  const seconds = parseDuration(String(ttl));
  if (seconds !== undefined && seconds > 0) return seconds;
  const at = project.configFile ? locate(project.configFile, ['bundle', 'ttl']) : { line: 0, col: 0 };
  throw new ConfigError(`${project.dir}/flagops.yaml:${at.line}:${at.col} bundle.ttl "${ttl}" is not a duration`, { hint: 'Write a number and a unit: 30d, 12h, 90m, 2w.' });
}

type Sign = (payload: BundlePayload) => Envelope;

async function signer(project: ParsedProject, options: CompileOptions): Promise<Sign> {
  if (options.unsigned) return unsignedEnvelope;
  const key = await readSigningKey({ cwd: options.cwd, keyFile: options.keyFile, signingKey: options.signingKey, configPath: project.config.signing.privateKeyPath });
  if (!key) {
    throw new ConfigError('no signing key: bundles are signed so SDKs can trust them', {
      hint: 'Set FLAGS_SIGNING_KEY to the private key PEM or pass --key FILE (create one with `flags keygen`); --unsigned writes an unsigned bundle for local tests.',
    });
  }
  const keyid = keyIdOfPrivateKey(key);
  const keyring = project.config.signing.keys.map((k) => ({ id: k.id, keyid: keyIdOfPublicKey(String(k.publicKey)) }));
  if (!keyring.some((k) => k.keyid === keyid)) {
    const listed = keyring.map((k) => `${k.id} (${k.keyid ?? 'unreadable'})`).join(', ') || 'none';
    throw new ConfigError(`the signing key ${keyid} is not in the keyring of ${project.dir}/flagops.yaml (signing.keys: ${listed})`, {
      hint: 'SDKs would reject the bundle. Add its public key to signing.keys (`flags keygen` does it for new keys), or sign with a listed key.',
    });
  }
  return (payload) => signPayload(payload, key);
}

function describeBundle(payload: BundlePayload, envelope: Envelope, file: string): CompiledBundleFile {
  const digest = createHash('sha256').update(Buffer.from(envelope.payload, 'base64')).digest('hex');
  const bundle: CompiledBundleFile = { environment: payload.environment, file, version: payload.version, digest, flags: Object.keys(payload.flags).length };
  if (envelope.signatures[0]) bundle.keyid = envelope.signatures[0].keyid;
  return bundle;
}
