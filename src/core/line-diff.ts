/**
 * A unified diff (`diff -u` / `git diff` style) with several hunks, for codemod previews.
 * `after` undefined means the file is deleted.
 */
export function unifiedFileDiff(file: string, before: string, after: string | undefined, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = after === undefined ? [] : splitLines(after);
  const ops = diffLines(a, b);
  const header = [`--- a/${file}`, `+++ ${after === undefined ? '/dev/null' : `b/${file}`}`];
  return `${[...header, ...hunks(ops, context)].join('\n')}\n`;
}

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Longest common subsequence over the lines between the common prefix and suffix. */
function diffLines(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[pre + i] === b[pre + j] ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const ops: Op[] = [];
  for (let k = 0; k < pre; k++) ops.push({ kind: ' ', line: a[k]!, a: k, b: k });
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[pre + i] === b[pre + j]) { ops.push({ kind: ' ', line: a[pre + i]!, a: pre + i, b: pre + j }); i++; j++; }
    else if (i < n && (j === m || table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!)) { ops.push({ kind: '-', line: a[pre + i]!, a: pre + i, b: pre + j }); i++; }
    else { ops.push({ kind: '+', line: b[pre + j]!, a: pre + i, b: pre + j }); j++; }
  }
  for (let k = 0; k < suf; k++) ops.push({ kind: ' ', line: a[a.length - suf + k]!, a: a.length - suf + k, b: b.length - suf + k });
  return ops;
}

function hunks(ops: Op[], context: number): string[] {
  const changed = ops.flatMap((op, k) => (op.kind === ' ' ? [] : [k]));
  const groups: [number, number][] = [];
  for (const k of changed) {
    const last = groups[groups.length - 1];
    if (last && k - last[1] <= context * 2 + 1) last[1] = k;
    else groups.push([k, k]);
  }
  return groups.flatMap(([first, last]) => {
    const slice = ops.slice(Math.max(0, first - context), Math.min(ops.length, last + context + 1));
    const aLen = slice.filter((op) => op.kind !== '+').length;
    const bLen = slice.filter((op) => op.kind !== '-').length;
    const head = slice[0]!;
    return [`@@ -${aLen ? head.a + 1 : head.a},${aLen} +${bLen ? head.b + 1 : head.b},${bLen} @@`, ...slice.map((op) => op.kind + op.line)];
  });
}
