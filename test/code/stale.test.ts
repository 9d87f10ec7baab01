import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleReport } from '../../src/code/stale.js';
import { createTestRepo, type TestRepo } from '../support/git.js';
import { ROOT } from '../support/tmp.js';

const APP = path.join(ROOT, 'test/fixtures/hygiene/app');

/**
 * The fixture app in a git repository whose history dates the flag changes:
 * 2026-01-01 everything lands (new-pdf-engine at 5%), 2026-02-01 redesigned-dashboard is killed
 * in production, 2026-03-01 new-pdf-engine reaches everyone.
 */
async function datedRepo(): Promise<TestRepo> {
  const repo = await createTestRepo({ seed: false });
  await cp(APP, repo.dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  const pdf = await readFile(path.join(APP, 'flags/new-pdf-engine.yaml'), 'utf8');
  const dashboard = await readFile(path.join(APP, 'flags/redesigned-dashboard.yaml'), 'utf8');
  await repo.commit('add the app and its flags', {
    'flags/new-pdf-engine.yaml': pdf.replace('production: { default: on }', 'production: { default: { rollout: { on: 5 } } }'),
  }, { date: '2026-01-01T09:00:00Z' });
  await repo.commit('kill the dashboard redesign in production', {
    'flags/redesigned-dashboard.yaml': dashboard.replace('production: { default:', 'production: { killed: true, default:'),
  }, { date: '2026-02-01T09:00:00Z' });
  await repo.commit('ramp new-pdf-engine to 100%', { 'flags/new-pdf-engine.yaml': pdf }, { date: '2026-03-01T09:00:00Z' });
  return repo;
}

describe('staleReport against a dated history', () => {
  it('finds each category, dated from git, with every reference', async () => {
    const repo = await datedRepo();
    const report = await staleReport({ cwd: repo.dir, now: new Date('2026-05-01T00:00:00Z') });
    const summary = report.findings.map((f) => [f.category, f.key, f.days]);
    expect(summary).toEqual([
      ['rolled-out', 'legacy-export', 119],
      ['rolled-out', 'new-pdf-engine', 60],
      ['long-killed', 'redesigned-dashboard', 88],
      ['expired', 'legacy-export', 120],
      ['unreferenced', 'legacy-export', undefined],
      ['undefined', 'old-checkout', undefined],
    ]);
    const pdf = report.findings.find((f) => f.key === 'new-pdf-engine')!;
    expect(pdf).toMatchObject({ since: '2026-03-01T09:00:00+00:00', fix: 'flags cleanup new-pdf-engine --keep on', file: 'flags/new-pdf-engine.yaml' });
    expect(pdf.references.map((r) => `${r.file}:${r.line}`)).toEqual(['src/services/pdf.ts:18', 'src/services/pdf.ts:26']);
    const undefinedKey = report.findings.find((f) => f.category === 'undefined')!;
    expect(undefinedKey).toMatchObject({ severity: 'error', file: 'src/server/handlers.ts', line: 36, col: 30 });
    expect(report.dynamic).toHaveLength(6);
    expect(report.history).toBe(true);
  });

  it('does not report a flag younger than the policy, and exempts permission and ops flags', async () => {
    const repo = await datedRepo();
    const report = await staleReport({ cwd: repo.dir, now: new Date('2026-03-20T00:00:00Z') });
    const keys = report.findings.filter((f) => f.category === 'rolled-out' || f.category === 'long-killed').map((f) => f.key);
    expect(keys).toEqual(['legacy-export', 'redesigned-dashboard']);
    expect(report.findings.some((f) => f.key === 'maintenance-mode' || f.key === 'ai-chatbot')).toBe(false);
  });

  it('dates an uncommitted change as today', async () => {
    const repo = await datedRepo();
    const pdf = await readFile(path.join(repo.dir, 'flags/new-pdf-engine.yaml'), 'utf8');
    await writeFile(path.join(repo.dir, 'flags/new-pdf-engine.yaml'), pdf.replace('staging: { default: on }', 'staging: { default: on, rules: [] }'));
    await writeFile(path.join(repo.dir, 'flags/legacy-export.yaml'), (await readFile(path.join(repo.dir, 'flags/legacy-export.yaml'), 'utf8')).replace('default: off', 'default: on'));
    const report = await staleReport({ cwd: repo.dir, now: new Date('2026-05-01T00:00:00Z') });
    const rolled = report.findings.filter((f) => f.category === 'rolled-out').map((f) => f.key);
    expect(rolled).toEqual(['new-pdf-engine']);
  });
});
