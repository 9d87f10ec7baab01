import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFlags } from '../support/cli.js';
import { copyExample } from '../support/tmp.js';

/** The example with `environments: production` (a string, not a list) in flagops.yaml. */
async function exampleWithStringEnvironments(): Promise<string> {
  const dir = await copyExample();
  const file = path.join(dir, 'flags/flagops.yaml');
  await writeFile(file, (await readFile(file, 'utf8')).replace('environments: [production, staging]', 'environments: production'));
  return dir;
}

describe('a flagops.yaml with schema errors', () => {
  it('stops the commands that act on it with the located problem, not a crash or a guess', async () => {
    const dir = await exampleWithStringEnvironments();
    for (const args of [['list'], ['stale'], ['serve', '--port', '0'], ['codegen', '--out', 'gen.ts']]) {
      const result = await runFlags(args, { cwd: dir });
      expect({ args, exitCode: result.exitCode }).toEqual({ args, exitCode: 2 });
      expect(result.stderr.split('\n')[0]).toBe('error: flags/flagops.yaml:3:15 `environments` must be a list, found a string');
      expect(result.stderr).toContain('Fix flagops.yaml first (`flags lint` lists this)');
      expect(result.stdout).toBe('');
    }
  });

  it('is reported, with everything else, by the commands that lint', async () => {
    const dir = await exampleWithStringEnvironments();
    const lint = await runFlags(['lint', '--json'], { cwd: dir });
    expect(lint.exitCode).toBe(1);
    expect(JSON.parse(lint.stdout).diagnostics).toContainEqual(expect.objectContaining({ code: 'FF007', file: 'flags/flagops.yaml', line: 3, col: 15 }));
    const evaluated = await runFlags(['eval', 'new-pdf-engine'], { cwd: dir });
    expect(evaluated.exitCode).toBe(1);
    expect(evaluated.stderr).toContain('flags/flagops.yaml:3:15 error FF007');
  });
});
