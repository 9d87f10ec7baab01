import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintProject } from '../../../src/core/lint/index.js';
import { parseProject } from '../../../src/core/project.js';
import { readProject } from '../../../src/io/project.js';
import { ROOT } from '../../support/tmp.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/lint');
const TODAY = '2026-06-01';

async function lintFixture(dir: string) {
  return lintProject(parseProject(await readProject('.', { cwd: dir })), { today: TODAY });
}

describe('invalid fixtures: each case reports its code at its line and column', () => {
  const cases = readdirSync(path.join(FIXTURES, 'invalid')).sort();
  it.each(cases)('%s', async (name) => {
    const dir = path.join(FIXTURES, 'invalid', name);
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8'));
    const found = await lintFixture(dir);
    expect(found.map(({ code, severity, file, line, col }) => ({ code, severity, file, line, col }))).toEqual(expected);
    for (const d of found) {
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.hint, `${d.code} has a hint`).toBeTruthy();
    }
  });
});

describe('valid fixtures', () => {
  const cases = readdirSync(path.join(FIXTURES, 'valid')).sort();
  it.each(cases)('%s lints clean', async (name) => {
    expect(await lintFixture(path.join(FIXTURES, 'valid', name))).toEqual([]);
  });

  it('the example flags/ folder lints clean', async () => {
    const project = parseProject(await readProject('flags', { cwd: ROOT }));
    expect(lintProject(project, { today: TODAY })).toEqual([]);
  });
});
