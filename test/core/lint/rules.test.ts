import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintProject, RULES } from '../../../src/core/lint/index.js';
import { parseProject, type ProjectFiles } from '../../../src/core/project.js';
import { SCHEMA_CODES } from '../../../src/core/schema-errors.js';
import { ROOT } from '../../support/tmp.js';

const CONFIG = 'environments: [production]\n';

function project(flags: Record<string, string>, config = CONFIG): ProjectFiles {
  return {
    dir: 'flags',
    config: { path: 'flags/flagops.yaml', text: config },
    flags: Object.entries(flags).map(([name, text]) => ({ path: `flags/${name}`, text })),
    segments: [],
    tests: [],
  };
}

const lint = (files: ProjectFiles, today = '2026-06-01') => lintProject(parseProject(files), { today });

describe('lint rule registry', () => {
  it('has unique, stable codes, each documented in README.md', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const code of [...codes, ...Object.values(SCHEMA_CODES), 'FF001', 'FF002', 'FF003']) {
      expect(code).toMatch(/^FF0\d\d$/);
      expect(readme, `README documents ${code}`).toContain(`| ${code} |`);
    }
  });

  it('follows policy.rules: off drops a code, warning downgrades it', () => {
    const flag = 'key: f\nkind: release\nenvironments:\n  production:\n    default: off\n';
    expect(lint(project({ 'f.yaml': flag })).map((d) => [d.code, d.severity])).toEqual([['FF023', 'error']]);
    expect(lint(project({ 'f.yaml': flag }, `${CONFIG}policy: { rules: { FF023: warning } }\n`)).map((d) => d.severity)).toEqual(['warning']);
    expect(lint(project({ 'f.yaml': flag }, `${CONFIG}policy: { rules: { FF023: off } }\n`))).toEqual([]);
  });

  it('honours policy.requireExpires and compares expiry with the given day', () => {
    const flag = 'key: f\nkind: ops\nexpires: 2026-03-01\nenvironments:\n  production:\n    default: off\n';
    expect(lint(project({ 'f.yaml': flag }), '2026-03-01')).toEqual([]);
    expect(lint(project({ 'f.yaml': flag }), '2026-03-02').map((d) => d.code)).toEqual(['FF024']);
    const opsFlag = 'key: f\nkind: ops\nenvironments:\n  production:\n    default: off\n';
    expect(lint(project({ 'f.yaml': opsFlag }, `${CONFIG}policy: { requireExpires: [ops] }\n`)).map((d) => d.code)).toEqual(['FF023']);
  });

  it('reports every problem of every file in one run, sorted by file, line and column', () => {
    const a = 'key: a\nkind: ops\nvariations: { x: 1, y: "2" }\nenvironments:\n  production:\n    default: z\n';
    const b = 'key: wrong\nkind: ops\nenvironments:\n  staging:\n    default: { rollout: { on: 70, off: 40 } }\n';
    const found = lint(project({ 'b.yaml': b, 'a.yaml': a }));
    expect(found.map((d) => `${d.file}:${d.line}:${d.col} ${d.code}`)).toEqual([
      'flags/a.yaml:3:24 FF015',
      'flags/a.yaml:6:14 FF014',
      'flags/b.yaml:1:6 FF010',
      'flags/b.yaml:4:3 FF016',
      'flags/b.yaml:5:25 FF012',
    ]);
  });

  it('checks a prerequisite\'s variation against the flag it names', () => {
    const a = 'key: a\nkind: ops\nenvironments:\n  production:\n    prerequisites: [{ flag: b, variation: treatment }]\n    default: on\n';
    const b = 'key: b\nkind: ops\nvariations: { control: 1, treatmnt: 2 }\nenvironments:\n  production:\n    default: control\n';
    const [finding, ...rest] = lint(project({ 'a.yaml': a, 'b.yaml': b }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'FF014', line: 5, col: 43, hint: expect.stringContaining('did you mean `treatmnt`?') });
  });
});
