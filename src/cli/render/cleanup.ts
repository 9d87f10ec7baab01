import type { CleanupResult } from '../../code/cleanup/index.js';
import type { Output } from '../output.js';

/** The diff on stdout; what needs a person, and what was done, on stderr. */
export function renderCleanup(result: CleanupResult, out: Output, done: { written: boolean; pr?: { url: string; status: string } }): void {
  const c = out.color;
  out.stdout(result.diff.split('\n').map((line) => colorLine(line, out)).join('\n'));
  if (result.manual.length > 0) {
    out.stderr(`${c.yellow(`${result.manual.length} reference(s) left for you`)} (rewriting them could change behaviour):\n`);
    for (const m of result.manual) out.stderr(`  ${m.file}:${m.line}:${m.col}  ${m.reason}\n    ${c.dim(m.code)}\n`);
  }
  if (result.leftovers.length > 0) {
    out.stderr(`${c.yellow(`${result.leftovers.length} declaration(s) kept`)} (the change may have left them without purpose, but something may still reach them):\n`);
    for (const l of result.leftovers) out.stderr(`  ${l.file}:${l.line}:${l.col}  ${l.name}: ${l.reason}\n`);
  }
  for (const g of result.generated) {
    if (g.outcome === 'regenerated') out.stderr(c.dim(`${g.file} regenerated without ${result.key} (as \`${g.command}\` would)\n`));
    else out.stderr(`${c.yellow(`${g.file} still names ${result.key}`)}: ${g.reason}, run \`${g.command}\`\n`);
  }
  if (result.dynamic.length > 0) {
    out.stderr(c.dim(`${result.dynamic.length} read(s) with a dynamic key exist; \`flags stale\` lists them in case one reads ${result.key}.\n`));
  }
  const files = result.changes.length;
  if (done.pr) out.stderr(`${c.green(`pull request ${done.pr.status}`)}: ${done.pr.url}\n`);
  else if (done.written) out.stderr(`${c.green('removed')} ${result.key} (kept ${result.keep}): ${files} file(s) changed\n`);
  else out.stderr(`${c.dim(`dry run: ${files} file(s) would change; --write applies it, --pr proposes it`)}\n`);
}

function colorLine(line: string, out: Output): string {
  const c = out.color;
  if (line.startsWith('+++') || line.startsWith('---')) return c.bold(line);
  if (line.startsWith('@@')) return c.cyan(line);
  if (line.startsWith('+')) return c.green(line);
  if (line.startsWith('-')) return c.red(line);
  return line;
}
