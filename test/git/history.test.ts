import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileHistory, readFlagsHistory } from '../../src/git/history.js';
import { createTestRepo } from '../support/git.js';

describe('git history', () => {
  it('reads one file newest first, following a rename, with dates and contents', async () => {
    const repo = await createTestRepo({ seed: false });
    await repo.commit('add x', { 'flags/a/x.yaml': 'v: 1\n' }, { date: '2026-01-01T10:00:00Z' });
    await mkdir(path.join(repo.dir, 'flags/b'));
    await repo.git('mv', 'flags/a/x.yaml', 'flags/b/x.yaml');
    await repo.commit('move x', {}, { date: '2026-02-01T10:00:00Z' });
    await repo.commit('edit x', { 'flags/b/x.yaml': 'v: 2\n', 'other.txt': 'o' }, { date: '2026-03-01T10:00:00Z', author: 'Ann <ann@example.test>' });
    const history = await readFileHistory(repo.dir, 'flags/b/x.yaml');
    expect(history.map((r) => [r.subject, r.path, r.text])).toEqual([
      ['edit x', 'flags/b/x.yaml', 'v: 2\n'],
      ['move x', 'flags/b/x.yaml', 'v: 1\n'],
      ['add x', 'flags/a/x.yaml', 'v: 1\n'],
    ]);
    expect(history[0]).toMatchObject({ author: 'Ann', email: 'ann@example.test' });
    expect(new Date(history[2]!.date).toISOString()).toBe('2026-01-01T10:00:00.000Z');
  });

  it('reads every file of a folder in one pass, keyed by latest path, deletions without text', async () => {
    const repo = await createTestRepo({ seed: false });
    await repo.commit('add', { 'flags/x.yaml': 'x1', 'flags/y.yaml': 'y1', 'src/z.ts': 'z' });
    await mkdir(path.join(repo.dir, 'flags/sub'));
    await repo.git('mv', 'flags/x.yaml', 'flags/sub/x.yaml');
    await repo.commit('move', {});
    await repo.git('rm', '-q', 'flags/y.yaml');
    await repo.commit('delete y', { 'flags/sub/x.yaml': 'x2' });
    const history = await readFlagsHistory(repo.dir, 'flags');
    expect([...history.keys()].sort()).toEqual(['flags/sub/x.yaml', 'flags/y.yaml']);
    expect(history.get('flags/sub/x.yaml')!.map((r) => r.text)).toEqual(['x2', 'x1', 'x1']);
    expect(history.get('flags/y.yaml')!.map((r) => [r.subject, r.text])).toEqual([['delete y', undefined], ['add', 'y1']]);
  });

  it('returns an empty history for a repository without commits', async () => {
    const repo = await createTestRepo({ seed: false });
    expect(await readFileHistory(repo.dir, 'flags/x.yaml')).toEqual([]);
  });
});
