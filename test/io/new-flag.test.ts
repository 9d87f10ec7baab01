import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { createFlagFile } from '../../src/io/new-flag.js';
import { lintDir } from '../../src/io/lint.js';
import { copyExample } from '../support/tmp.js';

describe('createFlagFile', () => {
  it('writes a valid flag with the modeline, in a subfolder, and the project still lints clean', async () => {
    const cwd = await copyExample();
    const { file } = await createFlagFile({ cwd, key: 'faster-search', kind: 'release', owner: 'search-team', description: 'Search: the new index', folder: 'search', today: '2026-11-21' });
    expect(file).toBe('flags/search/faster-search.yaml');
    expect(await readFile(path.join(cwd, file), 'utf8')).toBe([
      '# yaml-language-server: $schema=../../node_modules/flagops/schemas/flag.schema.json',
      'key: faster-search',
      'description: "Search: the new index"',
      'kind: release',
      'owner: search-team',
      'expires: 2026-12-21',
      'environments:',
      '  production:',
      '    default: off',
      '  staging:',
      '    default: off',
      '',
    ].join('\n'));
    expect((await lintDir('flags', { cwd, today: '2026-11-21' })).diagnostics).toEqual([]);
  });

  it('refuses an existing key, in any folder, and leaves the file alone', async () => {
    const cwd = await copyExample();
    const before = await readFile(path.join(cwd, 'flags/billing/new-pdf-engine.yaml'), 'utf8');
    await expect(createFlagFile({ cwd, key: 'new-pdf-engine', kind: 'release' })).rejects.toThrow(/already exists: flags\/billing\/new-pdf-engine.yaml/);
    expect(await readFile(path.join(cwd, 'flags/billing/new-pdf-engine.yaml'), 'utf8')).toBe(before);
  });

  it('rejects an unknown kind, a malformed key or date, as usage errors', async () => {
    const cwd = await copyExample();
    await expect(createFlagFile({ cwd, key: 'x', kind: 'feature' })).rejects.toBeInstanceOf(UsageError);
    await expect(createFlagFile({ cwd, key: 'Bad Key', kind: 'ops' })).rejects.toThrow(/would not be valid: `key` has an invalid form/);
    await expect(createFlagFile({ cwd, key: 'x', kind: 'release', expires: '2027-02-30' })).rejects.toThrow(/`expires` must be a valid date/);
    await expect(createFlagFile({ cwd, key: 'x', kind: 'ops', folder: '../outside' })).rejects.toBeInstanceOf(UsageError);
  });
});
