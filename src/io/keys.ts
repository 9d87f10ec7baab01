import { access, readFile, realpath } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { ConfigError, UsageError } from '../core/errors.js';
import { CONFIG_FILE } from '../core/project.js';
import { generateKeyPair, toPrivateKey } from '../core/sign.js';
import { writeFileAtomic } from './atomic.js';
import { addKeyToConfig } from './keyring.js';

/** Where a signing key may come from, in order of precedence. */
export interface KeySources {
  cwd: string;
  /** `--key FILE`. */
  keyFile?: string;
  /** The PEM text itself, e.g. from FLAGS_SIGNING_KEY. */
  signingKey?: string;
  /** `signing.privateKeyPath` of the config. */
  configPath?: string;
}

/** The private key to sign with, or undefined when no source names one. */
export async function readSigningKey(sources: KeySources): Promise<KeyObject | undefined> {
  if (sources.keyFile) return readKeyFile(path.resolve(sources.cwd, expandHome(sources.keyFile)), `--key ${sources.keyFile}`);
  if (sources.signingKey?.trim()) return toPrivateKey(asPem(sources.signingKey), 'FLAGS_SIGNING_KEY');
  if (sources.configPath) return readKeyFile(path.resolve(sources.cwd, expandHome(sources.configPath)), `signing.privateKeyPath (${sources.configPath})`);
  return undefined;
}

async function readKeyFile(file: string, label: string): Promise<KeyObject> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new ConfigError(`cannot read the signing key ${label}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`, {
      hint: 'Pass the path of the PEM file `flags keygen` wrote, or set FLAGS_SIGNING_KEY to its content.',
      cause: error,
    });
  });
  return toPrivateKey(text, label);
}

/** CI secrets often hold the PEM base64-encoded on one line; accept both. */
function asPem(text: string): string {
  if (text.includes('-----BEGIN')) return text;
  const decoded = Buffer.from(text.trim(), 'base64').toString('utf8');
  return decoded.includes('-----BEGIN') ? decoded : text;
}

export interface KeygenOptions {
  cwd: string;
  /** The flags folder whose config gets the public key. */
  dir: string;
  /** Label in the keyring; default `key-<keyid>`. */
  id?: string;
  /** Private key file; default `$XDG_CONFIG_HOME/flagops/keys/<id>.pem` (~/.config). */
  out?: string;
  /** Return the private key instead of writing it (for a CI secret). */
  stdout?: boolean;
  /** Allow a key file inside the repository's working tree, or overwriting one. */
  force?: boolean;
}

export interface KeygenResult {
  id: string;
  keyid: string;
  publicKey: string;
  /** Where the private key was written; absent with `stdout`. */
  file?: string;
  /** Present only with `stdout`. */
  privateKeyPem?: string;
  config: string;
}

/** Generates a key pair, stores the private key (mode 0600) and adds the public key to the keyring. */
export async function generateKeyToDisk(options: KeygenOptions): Promise<KeygenResult> {
  if (options.out && options.stdout) throw new UsageError('--out and --stdout are exclusive', { hint: 'Choose where the private key goes: a file, or stdout for a CI secret.' });
  const pair = generateKeyPair();
  const id = options.id ?? `key-${pair.keyid}`;
  const config = path.resolve(options.cwd, options.dir, CONFIG_FILE);
  const file = options.stdout ? undefined : path.resolve(options.cwd, expandHome(options.out ?? defaultKeyPath(id)));
  if (file) await checkKeyDestination(file, options);
  await addKeyToConfig(config, { id, publicKey: pair.publicKey }, { dryRun: true });
  if (file) await writeFileAtomic(file, pair.privateKeyPem, { mode: 0o600 });
  await addKeyToConfig(config, { id, publicKey: pair.publicKey });
  const rel = path.relative(options.cwd, config) || config;
  return { id, keyid: pair.keyid, publicKey: pair.publicKey, file, privateKeyPem: options.stdout ? pair.privateKeyPem : undefined, config: rel };
}

async function checkKeyDestination(file: string, options: KeygenOptions): Promise<void> {
  if (options.force) return;
  if (await exists(file)) {
    throw new UsageError(`${file} already exists; a private key is never overwritten`, { hint: 'Choose another --out path, or pass --force.' });
  }
  const root = await workTreeRoot(path.resolve(options.cwd));
  if (root && isInside(await realParent(file), root)) {
    throw new UsageError(`${file} is inside the repository (${root}); a private key must not be committed`, {
      hint: 'Write it outside the repository (--out ~/.config/flagops/keys/KEY.pem), use --stdout for a CI secret, or pass --force.',
    });
  }
}

async function workTreeRoot(cwd: string): Promise<string | undefined> {
  try {
    return await realpath((await simpleGit({ baseDir: cwd }).revparse(['--show-toplevel'])).trim());
  } catch {
    return undefined;
  }
}

/** The real path of the nearest existing ancestor, joined with the rest (symlinked temp dirs). */
async function realParent(file: string): Promise<string> {
  const rest: string[] = [];
  let dir = file;
  for (;;) {
    try {
      return path.join(await realpath(dir), ...rest);
    } catch {
      rest.unshift(path.basename(dir));
      const parent = path.dirname(dir);
      if (parent === dir) return file;
      dir = parent;
    }
  }
}

function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function defaultKeyPath(id: string): string {
  const base = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'flagops', 'keys', `${id}.pem`);
}

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}
