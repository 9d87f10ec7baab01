import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A temp folder removed after the current test. */
export async function tempDir(prefix = 'flagops-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** The repository root (where package.json lives). */
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXAMPLE_FLAGS = path.join(ROOT, 'flags');
export const BIN = path.join(ROOT, 'bin/flags.js');

/** A temp copy of the example `flags/` folder, inside a fresh temp dir (returned). */
export async function copyExample(): Promise<string> {
  const dir = await tempDir();
  await cp(EXAMPLE_FLAGS, path.join(dir, 'flags'), { recursive: true });
  return dir;
}
