/**
 * A unified diff of two texts for `--dry-run`. Flag and spec edits replace values in place or
 * touch a few adjacent lines, so the changed region between the common prefix and suffix is
 * exact enough and needs no diff algorithm; when it keeps its line count, lines are paired one
 * to one and only the differing runs are shown (with context), so two edits far apart in one
 * file do not show the lines between them as removed and added.
 */
export function unifiedDiff(before: string, after: string, file: string, context = 3): string {
  if (before === after) return '';
  const a = before.split('\n'), b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length, endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const runs = endA - start === endB - start ? pairedRuns(a, b, start, endA) : [{ start, endA, endB }];
  const lines = [`--- a/${file}`, `+++ b/${file}`];
  for (const hunk of groupRuns(runs, context)) lines.push(...renderHunk(a, b, hunk, context));
  return `${lines.join('\n')}\n`;
}

/** A changed region: lines [start, endA) of a became lines [start, endB) of b (the prefix is shared). */
interface Run {
  start: number;
  endA: number;
  endB: number;
}

/** Maximal runs of differing lines when the region keeps its length (the same index in a and b). */
function pairedRuns(a: string[], b: string[], start: number, end: number): Run[] {
  const runs: Run[] = [];
  for (let i = start; i < end; i++) {
    if (a[i] === b[i]) continue;
    const last = runs.at(-1);
    if (last && last.endA === i) last.endA = last.endB = i + 1;
    else runs.push({ start: i, endA: i + 1, endB: i + 1 });
  }
  return runs;
}

/** Runs whose context would overlap share one hunk. */
function groupRuns(runs: Run[], context: number): Run[][] {
  const hunks: Run[][] = [];
  for (const run of runs) {
    const hunk = hunks.at(-1);
    if (hunk && run.start - hunk.at(-1)!.endA <= 2 * context) hunk.push(run);
    else hunks.push([run]);
  }
  return hunks;
}

function renderHunk(a: string[], b: string[], runs: Run[], context: number): string[] {
  const first = runs[0]!, last = runs.at(-1)!;
  const from = Math.max(0, first.start - context);
  const toA = Math.min(a.length, last.endA + context), toB = Math.min(b.length, last.endB + context);
  const lines = [`@@ -${from + 1},${toA - from} +${from + 1},${toB - from} @@`];
  let at = from;
  for (const run of runs) {
    lines.push(...a.slice(at, run.start).map((l) => ` ${l}`));
    lines.push(...a.slice(run.start, run.endA).map((l) => `-${l}`));
    lines.push(...b.slice(run.start, run.endB).map((l) => `+${l}`));
    at = run.endA;
  }
  lines.push(...a.slice(at, toA).map((l) => ` ${l}`));
  return lines;
}
