import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import { parseYamlFile } from '../core/parse.js';
import { CONFIG_FILE, isObject } from '../core/project.js';
import { resolveConfig } from '../core/config.js';
import type { ConfigDoc } from '../core/types.js';
import { isExpired, verifyBundle, type TrustedKey, type VerifyResult } from '../sdk/bundle/index.js';

export interface VerifyFileOptions {
  cwd: string;
  file: string;
  /** Flags folder whose config keyring is trusted; default `flags`. Ignored when `keys` are given. */
  dir?: string;
  /** Public keys (base64, PEM, or paths of PEM files); replaces the config keyring. */
  keys?: string[];
  environment?: string;
  now?: Date;
}

export interface VerifyFileResult {
  file: string;
  /** Signature, keyring, format and environment. */
  result: VerifyResult;
  expired: boolean;
  /** Everything checks out and the bundle has not expired. */
  ok: boolean;
}

/** Verifies a bundle file with the config keyring (or given keys), then checks its expiry. */
export async function verifyBundleFile(options: VerifyFileOptions): Promise<VerifyFileResult> {
  const absolute = path.resolve(options.cwd, options.file);
  const bytes = await readFile(absolute).catch((error: unknown) => {
    throw new ConfigError(`cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`, {
      hint: 'Pass the path of a bundle written by `flags compile`, e.g. dist/flags/production.json.',
      cause: error,
    });
  });
  const keys = options.keys && options.keys.length > 0 ? await readKeys(options.cwd, options.keys) : await configKeyring(options.cwd, options.dir ?? 'flags');
  const result = await verifyBundle(new Uint8Array(bytes), keys, { environment: options.environment });
  const expired = result.ok && isExpired(result.payload, options.now ?? new Date());
  return { file: options.file, result, expired, ok: result.ok && !expired };
}

async function readKeys(cwd: string, keys: string[]): Promise<TrustedKey[]> {
  return Promise.all(
    keys.map(async (key) => {
      const file = path.resolve(cwd, key);
      const isFile = await stat(file).then((s) => s.isFile(), () => false);
      return { publicKey: isFile ? await readFile(file, 'utf8') : key };
    }),
  );
}

async function configKeyring(cwd: string, dir: string): Promise<TrustedKey[]> {
  const file = path.join(dir, CONFIG_FILE);
  const text = await readFile(path.resolve(cwd, file), 'utf8').catch((error: unknown) => {
    throw new ConfigError(`cannot read the keyring in ${file}`, {
      hint: 'Run in the repository holding flags/, pass --dir with the flags folder, or pass --key PUBKEY.',
      cause: error,
    });
  });
  const parsed = parseYamlFile<ConfigDoc>({ path: file, text });
  const config = resolveConfig(isObject(parsed.value) ? (parsed.value as Partial<ConfigDoc>) : undefined);
  if (config.signing.keys.length === 0) {
    throw new ConfigError(`${file} has no signing.keys to verify with`, { hint: 'Add a key with `flags keygen`, or pass --key PUBKEY.' });
  }
  return config.signing.keys.map((k) => ({ id: k.id, publicKey: String(k.publicKey) }));
}
