import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/core/text-diff.js';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', 'f')).toBe('');
  });

  it('shows two in-place edits far apart as two hunks, near ones as one', () => {
    const a = lines(20);
    const b = a.map((l, i) => (i === 1 || i === 17 ? `${l} changed` : l));
    expect(unifiedDiff(a.join('\n'), b.join('\n'), 'f')).toBe([
      '--- a/f', '+++ b/f',
      '@@ -1,5 +1,5 @@', ' line 1', '-line 2', '+line 2 changed', ' line 3', ' line 4', ' line 5',
      '@@ -15,6 +15,6 @@', ' line 15', ' line 16', ' line 17', '-line 18', '+line 18 changed', ' line 19', ' line 20', '',
    ].join('\n'));
    const near = a.map((l, i) => (i === 5 || i === 9 ? `${l}!` : l));
    const diff = unifiedDiff(a.join('\n'), near.join('\n'), 'f');
    expect(diff.match(/^@@/gm)).toHaveLength(1);
    expect(diff).toContain('@@ -3,11 +3,11 @@\n line 3\n line 4\n line 5\n-line 6\n+line 6!\n line 7\n line 8\n line 9\n-line 10\n+line 10!\n line 11');
  });

  it('shows a change of line count as one hunk', () => {
    const a = lines(6);
    const b = [...a.slice(0, 2), 'new', ...a.slice(2)];
    expect(unifiedDiff(a.join('\n'), b.join('\n'), 'f')).toBe('--- a/f\n+++ b/f\n@@ -1,5 +1,6 @@\n line 1\n line 2\n+new\n line 3\n line 4\n line 5\n');
  });
});
