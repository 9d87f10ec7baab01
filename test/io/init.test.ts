import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initProject } from '../../src/io/init.js';
import { lintDir } from '../../src/io/lint.js';
import { tempDir } from '../support/tmp.js';

const FILES = ['flags/flagops.yaml', 'flags/example-flag.yaml', 'flags/segments/.gitkeep', 'flags/tests/.gitkeep', '.github/workflows/flags.yml'];

describe('initProject', () => {
  it('scaffolds a flags repository that lints clean, with modelines and a CI workflow', async () => {
    const cwd = await tempDir();
    const result = await initProject({ cwd, today: '2026-11-21' });
    expect(result).toEqual({ created: FILES, skipped: [] });
    const flag = await readFile(path.join(cwd, 'flags/example-flag.yaml'), 'utf8');
    expect(flag.split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/flagops/schemas/flag.schema.json');
    expect(flag).toContain('expires: 2027-02-19');
    expect(await readFile(path.join(cwd, 'flags/flagops.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/node_modules\/flagops\/schemas\/config\.schema\.json\n/);
    expect(await readFile(path.join(cwd, '.github/workflows/flags.yml'), 'utf8')).toContain('npx flags lint flags --format github');
    expect(await lintDir('flags', { cwd, today: '2026-11-21' })).toEqual({ diagnostics: [], files: 2 });
  });

  it('never overwrites: existing files are reported and kept', async () => {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, 'flags'));
    await writeFile(path.join(cwd, 'flags/flagops.yaml'), 'environments: [prod]\n');
    const result = await initProject({ cwd, root: '.', today: '2026-11-21' });
    expect(result.skipped).toEqual(['flags/flagops.yaml']);
    expect(await readFile(path.join(cwd, 'flags/flagops.yaml'), 'utf8')).toBe('environments: [prod]\n');
    expect((await initProject({ cwd })).created).toEqual([]);
  });
});
