import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFlags } from '../support/cli.js';
import { createTestRepo } from '../support/git.js';
import { ROOT, tempDir } from '../support/tmp.js';

const APP = path.join(ROOT, 'test/fixtures/hygiene/app');

async function appRepo() {
  const repo = await createTestRepo({ seed: false });
  await cp(APP, repo.dir, { recursive: true });
  await repo.commit('add the app', {}, { date: '2026-01-01T09:00:00Z' });
  return repo;
}

describe('flags stale (the real binary)', () => {
  it('prints a to-do list and fails on undefined keys by default', async () => {
    const repo = await appRepo();
    const result = await runFlags(['stale', '--now', '2026-05-01'], { cwd: repo.dir });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('undefined old-checkout src/server/handlers.ts:36:30');
    expect(result.stdout).toContain('rolled-out new-pdf-engine flags/new-pdf-engine.yaml:');
    expect(result.stdout).toContain('    src/services/pdf.ts:18:24  if (client.isEnabled(PDF_ENGINE, ctx, false)) {');
    expect(result.stdout).toContain('fix: flags cleanup new-pdf-engine --keep on');
    expect(result.stdout).toContain('dynamic keys (check by hand):');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('honours --json, --format and --fail-on', async () => {
    const repo = await appRepo();
    const json = await runFlags(['stale', '--json', '--now', '2026-05-01', '--fail-on', 'none'], { cwd: repo.dir });
    expect(json.exitCode).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.summary.byCategory).toEqual({ 'rolled-out': 2, 'long-killed': 0, expired: 1, unreferenced: 1, undefined: 1 });
    const github = await runFlags(['stale', '--format', 'github', '--now', '2026-05-01', '--fail-on', 'expired'], { cwd: repo.dir });
    expect(github.exitCode).toBe(1);
    expect(github.stdout).toContain('::error file=src/server/handlers.ts,line=36,col=30,title=stale flag (undefined)::old-checkout');
    const markdown = await runFlags(['stale', '--format', 'markdown', '--now', '2026-05-01', '--fail-on', 'none'], { cwd: repo.dir });
    expect(markdown.stdout).toContain('- [ ] **expired** `legacy-export`');
    const bad = await runFlags(['stale', '--fail-on', 'ancient'], { cwd: repo.dir });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('unknown category `ancient`');
  });
});

describe('flags cleanup (the real binary)', () => {
  it('prints the diff without writing, then --write applies it', async () => {
    const dir = path.join(await tempDir(), 'app');
    await cp(APP, dir, { recursive: true });
    const dry = await runFlags(['cleanup', 'new-pdf-engine', '--keep', 'on'], { cwd: dir });
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain('+  return renderModern(invoice);');
    expect(dry.stderr).toContain('dry run');
    expect(await readFile(path.join(dir, 'src/services/pdf.ts'), 'utf8')).toContain('PDF_ENGINE');
    const written = await runFlags(['cleanup', 'new-pdf-engine', '--keep', 'on', '--write'], { cwd: dir });
    expect(written.exitCode).toBe(0);
    expect(await readFile(path.join(dir, 'src/services/pdf.ts'), 'utf8')).not.toContain('PDF_ENGINE');
    const unknown = await runFlags(['cleanup', 'redesigned-dashboard', '--keep', 'on'], { cwd: dir });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('hint: Pass --keep with one of: control, treatment.');
  });
});
