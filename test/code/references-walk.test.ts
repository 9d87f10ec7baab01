import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { walkGlobs } from '../../src/code/walk.js';
import { tempDir } from '../support/tmp.js';

const TREE = [
  'src/a.ts', 'src/b.tsx', 'src/c.js', 'src/readme.md', 'src/index.ts', 'src/deep/er/d.ts', 'src/.hidden/e.ts',
  'src/node_modules/pkg/f.ts', 'src/dist/g.ts', 'src/weird.ts/h.ts', 'lib/i.ts', 'lib/sub/j.mts', 'k.ts', '.config/l.ts',
  'node_modules/m/n.ts', 'dist/o.js', 'test/p.test.ts',
];

const CASES: [string[], string[]][] = [
  [['src/**/*.{ts,tsx,js,jsx,mts,cts}'], ['**/node_modules/**', '**/dist/**']],
  [['src/**/*.ts'], []],
  [['**/*.ts'], ['**/node_modules/**']],
  [['src/*.ts', 'lib'], ['lib/sub']],
  [['./src/**/*.ts', 'src/index.ts'], ['**/deep/**']],
  [['src/.hidden/*.ts', '**/*.mts'], []],
  [['src/**/*.ts'], ['src/dist/']],
];

async function makeTree(): Promise<string> {
  const dir = await tempDir();
  for (const file of TREE) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), '');
  }
  return dir;
}

describe('walkGlobs', () => {
  it('selects what tinyglobby selects', async () => {
    const dir = await makeTree();
    for (const [include, exclude] of CASES) {
      const expected = (await glob(include, { cwd: dir, ignore: exclude, onlyFiles: true, dot: false })).sort();
      expect(walkGlobs(dir, include, exclude)?.sort(), `${include} minus ${exclude}`).toEqual(expected);
    }
  });

  it('leaves negations, parent folders and symbolic links to tinyglobby', async () => {
    const dir = await makeTree();
    expect(walkGlobs(dir, ['src/**/*.ts', '!src/a.ts'], [])).toBeUndefined();
    expect(walkGlobs(path.join(dir, 'src'), ['../lib/**/*.ts'], [])).toBeUndefined();
    await symlink(path.join(dir, 'lib'), path.join(dir, 'src/linked'));
    expect(walkGlobs(dir, ['src/**/*.ts'], [])).toBeUndefined();
  });
});
