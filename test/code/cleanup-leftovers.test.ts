import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCleanup, cleanupFlag } from '../../src/code/cleanup/index.js';
import { regenerateFlagTypes } from '../../src/code/cleanup/regenerate.js';
import { loadProject } from '../../src/io/project.js';
import { fixtureCopy, verifyFixture } from './fixture-app.js';

const read = (dir: string, file: string) => readFile(path.join(dir, file), 'utf8');

describe('cleanup leftovers (test/fixtures/hygiene/leftovers)', () => {
  it('keeping on: prunes the enum member and as-const property, the orphaned function and what only it used; regenerates codegen', async () => {
    const dir = await fixtureCopy('leftovers');
    const result = await cleanupFlag({ cwd: dir, key: 'fast-export', keep: 'on' });
    await applyCleanup(result, { cwd: dir });
    const keys = await read(dir, 'src/keys.ts');
    expect(keys).toContain("export enum Keys {\n  Audit = 'audit-log',\n}");
    expect(keys).toContain("export const TOGGLES = {\n  audit: 'audit-log',\n} as const;");
    expect(keys).not.toContain('streaming CSV writer');
    // Used as a whole (Object.values): the member stays, listed for a person.
    expect(keys).toContain("Reviewed {\n  FastExport = 'fast-export',");
    expect(result.leftovers).toEqual([
      expect.objectContaining({ file: 'src/keys.ts', line: 11, name: 'Reviewed.FastExport', reason: expect.stringContaining('used as a whole in src/inventory.ts') }),
    ]);
    const formats = await read(dir, 'src/formats.ts');
    expect(formats).not.toMatch(/slowCsv|quote/);
    expect(formats).toMatch(/export function fastCsv[\s\S]*function header[\s\S]*\}\n$/);
    expect(result.generated).toEqual([{ file: 'src/flags.generated.ts', outcome: 'regenerated', command: 'flags codegen --out src/flags.generated.ts' }]);
    const generated = await read(dir, 'src/flags.generated.ts');
    expect(generated).not.toContain('fast-export');
    expect(generated).toContain('auditLog: "audit-log"');
    await verifyFixture(dir, { 'fast-export': true });
  }, 60_000);

  it('keeping off: a function still re-exported stays and is listed; what is still imported stays', async () => {
    const dir = await fixtureCopy('leftovers');
    const result = await cleanupFlag({ cwd: dir, key: 'fast-export', keep: 'off' });
    await applyCleanup(result, { cwd: dir });
    const formats = await read(dir, 'src/formats.ts');
    expect(formats).toContain('export function fastCsv');
    expect(formats).toContain('export function slowCsv');
    expect(result.leftovers).toContainEqual({ file: 'src/formats.ts', line: 5, col: 17, name: 'fastCsv', reason: 'no longer imported by src/export.ts, still re-exported by src/index.ts' });
    expect(await read(dir, 'src/export.ts')).toContain('return isAdmin;\n');
    await verifyFixture(dir, { 'fast-export': false });
  }, 60_000);

  it('leaves a codegen file as it is, with the command to run, while references remain for a person', async () => {
    const dir = await fixtureCopy('leftovers');
    const project = await loadProject('flags', { cwd: dir });
    const text = await read(dir, 'src/flags.generated.ts');
    const texts = new Map([['src/flags.generated.ts', text]]);
    const left = regenerateFlagTypes(texts, { ...project, flags: project.flags.filter((f) => f.value?.key !== 'fast-export') }, { key: 'fast-export', dir: 'flags', manualLeft: true });
    expect(left).toEqual([expect.objectContaining({ outcome: 'run-codegen', command: 'flags codegen --out src/flags.generated.ts', reason: expect.stringContaining('left for you') })]);
    expect(texts.get('src/flags.generated.ts')).toBe(text);
    const otherDir = regenerateFlagTypes(texts, project, { key: 'fast-export', dir: 'other-flags', manualLeft: false });
    expect(otherDir[0]).toMatchObject({ outcome: 'run-codegen', reason: expect.stringContaining('generated from flags') });
  });

  it('keeps an export that code outside code.include (a test, a script) still imports', async () => {
    const dir = await fixtureCopy('leftovers');
    await mkdir(path.join(dir, 'test'), { recursive: true });
    await writeFile(path.join(dir, 'test/formats.test.ts'), "// @ts-nocheck\nimport { slowCsv } from '../src/formats.js';\nexport const sample = slowCsv(['a']);\n");
    const result = await cleanupFlag({ cwd: dir, key: 'fast-export', keep: 'on' });
    const formats = result.changes.find((c) => c.file === 'src/formats.ts');
    expect(formats?.after ?? formats?.before ?? (await read(dir, 'src/formats.ts'))).toContain('export function slowCsv');
    expect(result.changes.map((c) => c.file)).not.toContain('test/formats.test.ts');
    expect(result.leftovers).toContainEqual(expect.objectContaining({ name: 'slowCsv', reason: 'no longer imported by src/export.ts, still imported by test/formats.test.ts (outside code.include)' }));
  });

  it('keeps an export that a path alias may import', async () => {
    const dir = await fixtureCopy('leftovers');
    await writeFile(path.join(dir, 'src/report.ts'), "// @ts-nocheck\nimport { slowCsv } from '#formats';\nexport const report = (rows: string[]) => slowCsv(rows);\n");
    const result = await cleanupFlag({ cwd: dir, key: 'fast-export', keep: 'on' });
    expect(result.changes.find((c) => c.file === 'src/formats.ts')).toBeUndefined();
    expect(result.leftovers).toContainEqual(expect.objectContaining({ name: 'slowCsv', reason: expect.stringContaining("imports that name from `#formats`") }));
  });
});
