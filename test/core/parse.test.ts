import { describe, expect, it } from 'vitest';
import { locate, parseYamlFile } from '../../src/core/parse.js';

describe('parseYamlFile', () => {
  it('keeps positions so a path maps back to line and column', () => {
    const parsed = parseYamlFile({ path: 'flags/a.yaml', text: 'key: a\nenvironments:\n  production:\n    default: on\n' });
    expect(parsed.diagnostics).toEqual([]);
    expect(locate(parsed, ['environments', 'production', 'default'])).toEqual({ line: 4, col: 14 });
    expect(locate(parsed, ['environments', 'production', 'default'], { key: true })).toEqual({ line: 4, col: 5 });
    expect(locate(parsed, ['environments', 'nowhere', 'x'])).toEqual({ line: 3, col: 3 });
  });

  it('reports syntax errors with their place and keeps no value', () => {
    const parsed = parseYamlFile({ path: 'flags/b.yaml', text: 'key: b\nkind: [release\n' });
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'FF001', severity: 'error', file: 'flags/b.yaml' });
    expect(parsed.diagnostics[0]!.line).toBeGreaterThan(1);
  });

  it('refuses alias bombs instead of expanding them', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 6; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
    const parsed = parseYamlFile({ path: 'flags/bomb.yaml', text: lines.join('\n') });
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics.map((d) => d.code)).toContain('FF002');
  });
});
