import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scaffoldFiles } from '../core/scaffold.js';
import { generateKeyToDisk, type KeygenResult } from './keys.js';

export interface InitOptions {
  cwd: string;
  /** The repository root to scaffold in; default `cwd`. */
  root?: string;
  /** Also generate a signing key pair (private key outside the repository). */
  keygen?: boolean;
  /** `YYYY-MM-DD` the example flag's expiry counts from; default today. */
  today?: string;
}

export interface InitResult {
  /** Paths written, relative to `cwd`. */
  created: string[];
  /** Paths that already existed and were left alone. */
  skipped: string[];
  key?: KeygenResult;
}

/** Scaffolds a flags repository: config, example flag, segments/, tests/ and a CI workflow. */
export async function initProject(options: InitOptions): Promise<InitResult> {
  const root = path.resolve(options.cwd, options.root ?? '.');
  const result: InitResult = { created: [], skipped: [] };
  for (const file of scaffoldFiles({ today: options.today ?? new Date().toISOString().slice(0, 10) })) {
    const target = path.join(root, file.path);
    const shown = path.relative(options.cwd, target).split(path.sep).join('/');
    await mkdir(path.dirname(target), { recursive: true });
    // `wx` refuses to replace a file that exists, even one created a moment ago by someone else.
    const written = await writeFile(target, file.text, { flag: 'wx' }).then(() => true, (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return false;
      throw error;
    });
    (written ? result.created : result.skipped).push(shown);
  }
  if (options.keygen) result.key = await generateKeyToDisk({ cwd: root, dir: 'flags' });
  return result;
}
