import type { FlagLog } from '../../git/log.js';
import type { Output } from '../output.js';

export function renderLog(log: FlagLog, out: Output, json: boolean): void {
  if (json) return void out.stdout(`${JSON.stringify(log, null, 2)}\n`);
  const c = out.color;
  if (log.entries.length === 0) return void out.stdout(`${log.key}: no commits touch ${log.file} yet\n`);
  out.stdout(`${c.bold(log.key)}  ${c.dim(log.file)}\n`);
  for (const entry of log.entries) {
    const pr = entry.pr ? ` PR #${entry.pr}` : '';
    out.stdout(`\n${c.yellow(entry.sha.slice(0, 7))} ${entry.date.slice(0, 16).replace('T', ' ')}  ${entry.author} <${entry.email}>${pr}\n`);
    out.stdout(`  ${c.dim(entry.subject)}\n`);
    if (entry.changes.length === 0) out.stdout(`  ${c.dim('no change to behaviour (formatting, comments or description)')}\n`);
    for (const change of entry.changes) out.stdout(`  • ${change.text}\n`);
  }
}
