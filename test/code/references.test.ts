import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReferences } from '../../src/code/references.js';
import { buildPrefilter, relativeImports, resolveRelative } from '../../src/code/prefilter.js';
import { loadProject } from '../../src/io/project.js';
import { ROOT } from '../support/tmp.js';

const APP = path.join(ROOT, 'test/fixtures/hygiene/app');

describe('findReferences on the fixture app', () => {
  it('finds every expected reference and nothing else (precision and recall 100%)', async () => {
    const project = await loadProject('flags', { cwd: APP });
    const expected = JSON.parse(await readFile(path.join(APP, 'expected-references.json'), 'utf8'));
    const found = await findReferences({ cwd: APP, code: project.config.code });
    const id = (r: { key?: string; file: string; line: number; col: number }) => `${r.key ?? '?'}@${r.file}:${r.line}:${r.col}`;
    const want = new Set<string>(expected.references.map(id));
    const got = new Set(found.references.map(id));
    const truePositives = [...got].filter((r) => want.has(r)).length;
    expect({ precision: truePositives / got.size, recall: truePositives / want.size }).toEqual({ precision: 1, recall: 1 });
    expect(found.references).toEqual(expected.references);
    expect(found.dynamic).toEqual(expected.dynamic);
    expect(found.stats.candidates).toBeLessThan(found.stats.files);
  });

  it('names how each key was found: literal, template, JSX, constant, enum, as const, codegen', async () => {
    const project = await loadProject('flags', { cwd: APP });
    const { references } = await findReferences({ cwd: APP, code: project.config.code });
    const via = (file: string, line: number) => references.find((r) => r.file === file && r.line === line)?.via;
    expect(via('src/components/assistant.tsx', 11)).toBe('jsx');
    expect(via('src/services/pdf.ts', 18)).toBe('constant');
    expect(via('src/server/handlers.ts', 8)).toBe('constant');
    expect(via('src/server/handlers.ts', 19)).toBe('codegen');
    expect(via('src/server/handlers.ts', 29)).toBe('template');
    expect(via('src/server/handlers.ts', 36)).toBe('call');
  });
});

describe('prefilter', () => {
  it('accepts files that call a flag function, render a flag component or use an accessor', () => {
    const accepts = buildPrefilter({ calls: ['isEnabled', 'useVariation'], jsxComponents: ['Feature'], accessors: ['Flags'] });
    expect(accepts('client.isEnabled ("x")')).toBe(true);
    expect(accepts('useVariation<string>("x", "a")')).toBe(true);
    expect(accepts('<Feature flag="x" />')).toBe(true);
    expect(accepts('use(Flags.x)')).toBe(true);
    expect(accepts('const isEnabledCount = 1; <Features />')).toBe(false);
  });

  it('resolves relative imports the way TypeScript does', () => {
    const known = new Set(['src/a.ts', 'src/lib/index.tsx', 'src/b.tsx']);
    expect(relativeImports("import { A } from './a.js';\nexport * from \"./lib\";")).toEqual(['./a.js', './lib']);
    expect(resolveRelative('src/x.ts', './a.js', (p) => known.has(p))).toBe('src/a.ts');
    expect(resolveRelative('src/x.ts', './lib', (p) => known.has(p))).toBe('src/lib/index.tsx');
    expect(resolveRelative('src/x.ts', './b', (p) => known.has(p))).toBe('src/b.tsx');
    expect(resolveRelative('src/x.ts', './c', (p) => known.has(p))).toBeUndefined();
  });
});
