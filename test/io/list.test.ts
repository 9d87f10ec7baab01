import { describe, expect, it } from 'vitest';
import { listProject } from '../../src/io/list.js';
import { createTestRepo } from '../support/git.js';
import { copyExample } from '../support/tmp.js';

describe('listProject', () => {
  it('adds each flag\'s age from its first commit', async () => {
    const repo = await createTestRepo({ date: '2026-10-01T12:00:00Z' });
    await repo.commit('add a flag', { 'flags/late.yaml': 'key: late\nkind: ops\nenvironments:\n  production: { default: on }\n' }, { date: '2026-11-11T08:00:00Z' });
    const rows = await listProject({ cwd: repo.dir, today: '2026-11-21' });
    expect(rows.find((r) => r.key === 'new-pdf-engine')).toMatchObject({ createdAt: '2026-10-01', ageDays: 51 });
    expect(rows.find((r) => r.key === 'late')).toMatchObject({ createdAt: '2026-11-11', ageDays: 10 });
  });

  it('leaves age out where there is no git history', async () => {
    const rows = await listProject({ cwd: await copyExample(), today: '2026-11-21' });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.ageDays === undefined)).toBe(true);
  });
});
