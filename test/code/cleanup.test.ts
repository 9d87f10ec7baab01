import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCleanup, cleanupFlag } from '../../src/code/cleanup/index.js';
import { findReferences } from '../../src/code/references.js';
import { loadProject } from '../../src/io/project.js';
import { ROOT } from '../support/tmp.js';
import { fixtureCopy, verifyFixture } from './fixture-app.js';

const APP = path.join(ROOT, 'test/fixtures/hygiene/app');
const appCopy = () => fixtureCopy('app');
const verifyApp = verifyFixture;

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
      // Both FlagKey members went with their flags, so the enum and its module went too.
      await expect(access(path.join(dir, 'src/flag-keys.ts'))).rejects.toThrow();
      const handlers = await readFile(path.join(dir, 'src/server/handlers.ts'), 'utf8');
      expect(handlers).not.toMatch(/return;\n\s*\};/);
      expect(await readFile(path.join(dir, 'src/services/invoices.ts'), 'utf8')).not.toMatch(/\|\| (true|false)/);
    }, 60_000);
  }

  it('removes the enum member holding the key, keeps the one still used, and regenerates the codegen file', async () => {
    const dir = await appCopy();
    const result = await cleanupFlag({ cwd: dir, key: 'maintenance-mode', keep: 'off' });
    await applyCleanup(result, { cwd: dir });
    expect(await readFile(path.join(dir, 'src/flag-keys.ts'), 'utf8')).toBe("export enum FlagKey {\n  Dashboard = 'redesigned-dashboard',\n}\n");
    expect(result.generated).toEqual([expect.objectContaining({ file: 'src/flags.generated.ts', outcome: 'regenerated' })]);
    const generated = await readFile(path.join(dir, 'src/flags.generated.ts'), 'utf8');
    expect(generated).not.toContain('maintenance');
    expect(generated.split('\n')[0]).toContain('Regenerate with: flags codegen --out src/flags.generated.ts');
    await verifyApp(dir, { 'maintenance-mode': false });
  }, 60_000);

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
