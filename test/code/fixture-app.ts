import { execFile } from 'node:child_process';
import { cp, symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { ROOT, tempDir } from '../support/tmp.js';

const run = promisify(execFile);
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

/** A temp copy of a fixture under `test/fixtures/hygiene/`, with the repository's node_modules linked in. */
export async function fixtureCopy(name: string): Promise<string> {
  const dir = path.join(await tempDir('flagops-cleanup-'), name);
  await cp(path.join(ROOT, 'test/fixtures/hygiene', name), dir, { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The fixture's own type check and behaviour checks, with the kept values pinned. */
export async function verifyFixture(dir: string, kept: Record<string, unknown>): Promise<void> {
  await run('node', [TSC, '-p', dir], { cwd: dir });
  const { stdout } = await run('node', ['--import', 'tsx', 'check.ts'], { cwd: dir, env: { ...process.env, KEEP: JSON.stringify(kept) } });
  expect(stdout).toContain('fixture checks passed');
}
