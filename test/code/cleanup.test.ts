import { execFile } from 'node:child_process';
import { cp, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { applyCleanup, cleanupFlag } from '../../src/code/cleanup/index.js';
import { findReferences } from '../../src/code/references.js';
import { loadProject } from '../../src/io/project.js';
import { ROOT, tempDir } from '../support/tmp.js';

const run = promisify(execFile);
const APP = path.join(ROOT, 'test/fixtures/hygiene/app');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

async function appCopy(): Promise<string> {
  const dir = path.join(await tempDir('flagops-cleanup-'), 'app');
  await cp(APP, dir, { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The fixture's own type check and behaviour checks, with the kept values pinned. */
async function verifyApp(dir: string, kept: Record<string, unknown>): Promise<void> {
  await run('node', [TSC, '-p', dir], { cwd: dir });
  const { stdout } = await run('node', ['--import', 'tsx', 'check.ts'], { cwd: dir, env: { ...process.env, KEEP: JSON.stringify(kept) } });
  expect(stdout).toContain('fixture checks passed');
}

const SCENARIOS: { name: string; keep: [string, string, unknown][] }[] = [
  {
    name: 'every flag kept at its on/treatment variation',
    keep: [['new-pdf-engine', 'on', true], ['redesigned-dashboard', 'treatment', 'redesigned'], ['ai-chatbot', 'on', true],
      ['maintenance-mode', 'on', true], ['bulk-invoice-api', 'on', true], ['legacy-export', 'off', false]],
  },
  {
    name: 'every flag kept at its off/control variation',
    keep: [['new-pdf-engine', 'off', false], ['redesigned-dashboard', 'control', 'current'], ['ai-chatbot', 'off', false],
      ['maintenance-mode', 'off', false], ['bulk-invoice-api', 'off', false]],
  },
];

describe('cleanupFlag on the fixture app', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: the app still type-checks and keeps the kept behaviour`, async () => {
      const dir = await appCopy();
      const kept: Record<string, unknown> = {};
      for (const [key, keep, value] of scenario.keep) {
        const result = await cleanupFlag({ cwd: dir, key, keep });
        expect(result.value).toEqual(value);
        await applyCleanup(result, { cwd: dir });
        kept[key] = value;
        const project = await loadProject('flags', { cwd: dir });
        const { references } = await findReferences({ cwd: dir, code: project.config.code });
        const left = references.filter((r) => r.key === key).map((r) => `${r.file}:${r.line}`);
        // Only the union key in src/dynamic.ts is left for a person.
        expect(left).toEqual(result.manual.map((m) => `${m.file}:${m.line}`));
        expect(project.flags.some((f) => f.value?.key === key)).toBe(false);
      }
      await verifyApp(dir, kept);
    }, 60_000);
  }

  it('prints a unified diff, lists what it cannot rewrite, and rewrites nothing else', async () => {
    const dir = await appCopy();
    const result = await cleanupFlag({ cwd: dir, key: 'ai-chatbot', keep: 'on' });
    expect(result.manual).toEqual([expect.objectContaining({ file: 'src/dynamic.ts', line: 13, reason: expect.stringContaining('several flags') })]);
    expect(result.diff).toContain('--- a/src/components/assistant.tsx\n+++ b/src/components/assistant.tsx\n');
    expect(result.diff).toContain('--- a/flags/ai-chatbot.yaml\n+++ /dev/null\n');
    expect(result.diff).toContain('-      <Feature flag="ai-chatbot">\n-        <Chatbot />\n-      </Feature>\n+      <Chatbot />\n');
    expect(result.changes.map((c) => c.file).sort()).toEqual([
      'flags/ai-chatbot.yaml', 'src/components/assistant.tsx', 'src/components/dashboard.tsx', 'src/constants.ts',
    ]);
    expect(await readFile(path.join(dir, 'src/components/assistant.tsx'), 'utf8')).toContain('<Feature');
  });

  it('refuses an unknown flag or variation with a hint', async () => {
    await expect(cleanupFlag({ cwd: APP, key: 'nope', keep: 'on' })).rejects.toThrow(/no flag file defines `nope`/);
    await expect(cleanupFlag({ cwd: APP, key: 'redesigned-dashboard', keep: 'on' })).rejects.toMatchObject({ hint: 'Pass --keep with one of: control, treatment.' });
  });
});
