import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ts } from 'ts-morph';
import { resolveRelative } from '../../src/code/prefilter.js';
import { findReferences } from '../../src/code/references.js';
import { resolveConfig } from '../../src/core/config.js';
import { tempDir } from '../support/tmp.js';

/** TypeScript's own answer, over a file system holding exactly `files`. */
function typescriptResolves(from: string, specifier: string, files: Set<string>, resolution: ts.ModuleResolutionKind): string | undefined {
  const options: ts.CompilerOptions = { allowJs: true, moduleResolution: resolution, module: resolution === ts.ModuleResolutionKind.NodeNext ? ts.ModuleKind.NodeNext : ts.ModuleKind.ESNext };
  const host: ts.ModuleResolutionHost = {
    fileExists: (f) => files.has(f.replace(/^\//, '')),
    readFile: () => undefined,
    directoryExists: (d) => [...files].some((f) => `/${f}`.startsWith(`${d.replace(/\/$/, '')}/`)),
  };
  const resolved = ts.resolveModuleName(specifier, `/${from}`, options, host).resolvedModule;
  return resolved?.resolvedFileName.replace(/^\//, '');
}

const CANDIDATES = ['src/c.ts', 'src/c.tsx', 'src/c.d.ts', 'src/c.js', 'src/c.jsx', 'src/c.mts', 'src/c.mjs', 'src/c.cts', 'src/c.cjs', 'src/c/index.ts', 'src/c/index.js', 'src/c/index.tsx'];
const SPECIFIERS = ['./c', './c.js', './c.ts', './c.jsx', './c.tsx', './c.mjs', './c.mts', './c.cjs', './c.cts', './c/index', './c/index.js', './c/'];

function* subsets(items: string[], size: number): Generator<string[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = 0; i < items.length; i++) for (const rest of subsets(items.slice(i + 1), size - 1)) yield [items[i]!, ...rest];
}

describe('resolveRelative', () => {
  it('picks the file TypeScript picks when several could be meant (every pair and triple of candidates)', () => {
    const mismatches: string[] = [];
    for (const size of [1, 2, 3]) {
      for (const present of subsets(CANDIDATES, size)) {
        const files = new Set(present);
        for (const specifier of SPECIFIERS) {
          const want = typescriptResolves('src/x.ts', specifier, files, ts.ModuleResolutionKind.Bundler);
          const got = resolveRelative('src/x.ts', specifier, (p) => files.has(p));
          if (got !== want) mismatches.push(`${specifier} with [${present.join(', ')}]: TypeScript ${want}, ours ${got}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('agrees with NodeNext wherever NodeNext resolves an ES module import', () => {
    const files = new Set(['src/c.js', 'src/c.ts', 'src/d.mjs', 'src/d.mts', 'src/e.jsx', 'src/e.tsx', 'src/f.cjs', 'src/f.cts']);
    for (const specifier of ['./c.js', './d.mjs', './e.jsx', './f.cjs']) {
      const want = typescriptResolves('src/x.mts', specifier, files, ts.ModuleResolutionKind.NodeNext);
      expect(want).toBeDefined();
      expect(resolveRelative('src/x.mts', specifier, (p) => files.has(p))).toBe(want);
    }
  });

  it('resolves `./c.js` to `c.ts` when both exist, and a folder to its `index.ts` before `index.js`', () => {
    const known = new Set(['src/c.js', 'src/c.ts', 'src/lib/index.js', 'src/lib/index.ts']);
    expect(resolveRelative('src/x.ts', './c.js', (p) => known.has(p))).toBe('src/c.ts');
    expect(resolveRelative('src/x.ts', './lib', (p) => known.has(p))).toBe('src/lib/index.ts');
    expect(resolveRelative('src/x.ts', './user.service', (p) => p === 'src/user.service.ts')).toBe('src/user.service.ts');
  });

  it('the scan reads a constant from `c.ts`, not from the `c.js` beside it', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'src'));
    await writeFile(path.join(dir, 'src/c.ts'), "export const KEY = 'from-typescript';\n");
    await writeFile(path.join(dir, 'src/c.js'), "export const KEY = 'from-javascript';\n");
    await writeFile(path.join(dir, 'src/app.ts'), "import { KEY } from './c.js';\ndeclare const client: { isEnabled(k: string): boolean };\nclient.isEnabled(KEY);\n");
    const { references } = await findReferences({ cwd: dir, code: resolveConfig({}).code });
    expect(references.map((r) => r.key)).toEqual(['from-typescript']);
  });
});
