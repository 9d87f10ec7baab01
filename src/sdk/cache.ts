import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ClientError, describeError } from './errors.js';

/**
 * The cache file (Node only): per environment, the last good envelope and the highest version
 * seen with its digest. The version floor is what stops a replayed older bundle after a restart.
 */
export interface CacheEntry {
  /** The envelope exactly as received; verified again before use. */
  envelope: string;
  version: number;
  digest: string;
  savedAt: string;
}

interface CacheDocument {
  format: 1;
  environments: Record<string, CacheEntry>;
}

/** The entry for `environment`; undefined when there is no cache file yet. Throws ClientError('CACHE') when it is unreadable. */
export async function readCache(file: string, environment: string): Promise<CacheEntry | undefined> {
  const doc = await readDocument(file);
  const entry = doc?.environments[environment];
  if (entry === undefined) return undefined;
  if (!Number.isSafeInteger(entry.version) || typeof entry.digest !== 'string') {
    throw new ClientError('CACHE', `cache file ${file} has a malformed entry for ${environment}; ignoring it (it is rewritten after the next good bundle)`);
  }
  // The version floor still holds without a usable envelope: that is what stops a replay after a restart.
  return typeof entry.envelope === 'string' ? entry : { ...entry, envelope: '' };
}

/** Stores `entry` for `environment`, keeping other environments' entries; atomic (temp file + rename). */
export async function writeCache(file: string, environment: string, entry: CacheEntry): Promise<void> {
  let doc: CacheDocument | undefined;
  try {
    doc = await readDocument(file);
  } catch {
    doc = undefined;
  }
  const next: CacheDocument = { format: 1, environments: { ...doc?.environments, [environment]: entry } };
  await writeAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
}

async function readDocument(file: string): Promise<CacheDocument | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ClientError('CACHE', `could not read cache file ${file}: ${describeError(error)}`, { cause: error });
  }
  try {
    const doc = JSON.parse(text) as CacheDocument;
    if (doc?.format !== 1 || typeof doc.environments !== 'object' || doc.environments === null) throw new Error('not a flagops cache file');
    return doc;
  } catch (error) {
    throw new ClientError('CACHE', `cache file ${file} is not a valid flagops cache (${describeError(error)}); ignoring it (it is rewritten after the next good bundle)`, { cause: error });
  }
}

/** Readers see the old file or the new one, never half of either. */
async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { mode: 0o600 });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
