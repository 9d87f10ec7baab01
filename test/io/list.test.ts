import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProject } from '../../src/io/list.js';
import { createTestRepo } from '../support/git.js';
import { runFlags } from '../support/cli.js';
import { copyExample } from '../support/tmp.js';

describe('listProject', () => {
  it('adds each flag\'s age from its first commit', async () => {
    const repo = await createTestRepo({ date: '2026-10-01T12:00:00Z' });
    await repo.commit('add a flag', { 'flags/late.yaml': 'key: late\nkind: ops\nenvironments:\n  production: { default: on }\n' }, { date: '2026-11-11T08:00:00Z' });
    const { flags: rows } = await listProject({ cwd: repo.dir, today: '2026-11-21' });
    expect(rows.find((r) => r.key === 'new-pdf-engine')).toMatchObject({ createdAt: '2026-10-01', ageDays: 51 });
    expect(rows.find((r) => r.key === 'late')).toMatchObject({ createdAt: '2026-11-11', ageDays: 10 });
  });

  it('leaves age out where there is no git history', async () => {
    const { flags: rows, problems } = await listProject({ cwd: await copyExample(), today: '2026-11-21' });
    expect(rows).toHaveLength(5);
    expect(problems).toEqual([]);
    expect(rows.every((r) => r.ageDays === undefined)).toBe(true);
  });

  it('names, with its place, a flag file it cannot list instead of leaving it out', async () => {
    const dir = await copyExample();
    await writeFile(path.join(dir, 'flags/billing/new-pdf-engine.yaml'), 'key: new-pdf-engine\nkind: [release\n');
    const { flags, problems } = await listProject({ cwd: dir, today: '2026-11-21' });
    expect(flags.map((f) => f.key)).not.toContain('new-pdf-engine');
    expect(problems).toEqual([expect.objectContaining({ code: 'FF001', severity: 'error', file: 'flags/billing/new-pdf-engine.yaml', line: 3 })]);
    const cli = await runFlags(['list', '--json'], { cwd: dir });
    expect(cli.exitCode).toBe(1);
    expect(JSON.parse(cli.stdout)).toHaveLength(4);
    expect(cli.stderr).toMatch(/^flags\/billing\/new-pdf-engine\.yaml:3:\d+ error FF001/m);
  });
});
