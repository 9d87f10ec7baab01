import type { ChalkInstance } from 'chalk';
import type { StaleCategory, StaleFinding } from '../../core/stale/types.js';
import type { StaleReport } from '../../code/stale.js';
import type { Format } from '../output.js';

type Reporter = (report: StaleReport, c: ChalkInstance) => string;

/** One reporter per format for `flags stale`; each lists every reference site: a to-do list. */
export const STALE_REPORTERS: Record<Format, Reporter> = { text, json, markdown, github };

export function summarizeStale(report: StaleReport): string {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const files = new Set(report.references.map((r) => r.file)).size;
  const head = report.findings.length === 0 ? 'no stale flags' : `${plural(report.findings.length, 'finding')}${errors ? ` (${plural(errors, 'error')})` : ''}`;
  const dated = report.history ? '' : '; not a git repository, so nothing was dated';
  return `${head} across ${plural(report.flags, 'flag')}; ${plural(report.references.length, 'reference')} in ${files} of ${plural(report.stats.files, 'file')}, ${report.dynamic.length} dynamic${dated}`;
}

function text(report: StaleReport, c: ChalkInstance): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    const label = f.severity === 'error' ? c.red(f.category) : c.yellow(f.category);
    lines.push(`${label} ${c.bold(f.key)} ${c.dim(`${f.file}:${f.line}:${f.col}`)} ${f.message}`);
    for (const r of f.references) lines.push(`    ${r.file}:${r.line}:${r.col}  ${c.dim(r.code)}`);
    if (f.fix) lines.push(`    ${c.dim('fix:')} ${f.fix}`);
  }
  if (report.dynamic.length > 0) {
    lines.push('', c.bold('dynamic keys (check by hand):'));
    for (const d of report.dynamic) lines.push(`    ${d.file}:${d.line}:${d.col}  ${d.reason}  ${c.dim(d.code)}`);
  }
  lines.push(lines.length > 0 ? '' : '', summarizeStale(report), '');
  return lines.slice(lines[0] === '' ? 1 : 0).join('\n');
}

function json(report: StaleReport): string {
  const count = (category: StaleCategory) => report.findings.filter((f) => f.category === category).length;
  const summary = {
    flags: report.flags, references: report.references.length, dynamic: report.dynamic.length, history: report.history,
    byCategory: Object.fromEntries(['rolled-out', 'long-killed', 'expired', 'unreferenced', 'undefined'].map((k) => [k, count(k as StaleCategory)])),
    ...report.stats,
  };
  return `${JSON.stringify({ findings: report.findings, dynamic: report.dynamic, summary }, null, 2)}\n`;
}

function markdown(report: StaleReport): string {
  const lines = ['## Stale flags', ''];
  for (const f of report.findings) {
    lines.push(`- [ ] **${f.category}** \`${f.key}\` (${f.file}:${f.line}): ${cell(f.message)}${f.fix ? ` — \`${f.fix}\`` : ''}`);
    for (const r of f.references) lines.push(`  - \`${r.file}:${r.line}:${r.col}\` \`${cell(r.code)}\``);
  }
  if (report.dynamic.length > 0) {
    lines.push('', '### Dynamic keys (check by hand)', '');
    for (const d of report.dynamic) lines.push(`- \`${d.file}:${d.line}:${d.col}\` ${cell(d.reason)}`);
  }
  lines.push('', `**${summarizeStale(report)}**`, '');
  return lines.join('\n');
}

/** Workflow commands: the flag file and, for undefined keys, each code site get an annotation. */
function github(report: StaleReport): string {
  const lines = report.findings.flatMap((f) => {
    const sites = f.category === 'undefined' ? f.references : [f];
    return sites.map((s) => annotation(f, s));
  });
  for (const d of report.dynamic) lines.push(`::notice file=${d.file},line=${d.line},col=${d.col},title=dynamic flag key::${escapeData(d.reason)}`);
  return [...lines, summarizeStale(report), ''].join('\n');
}

function annotation(f: StaleFinding, at: { file: string; line: number; col: number }): string {
  const level = f.severity === 'error' ? 'error' : 'warning';
  const body = `${f.key} ${f.message}${f.fix ? `\nfix: ${f.fix}` : ''}`;
  return `::${level} file=${at.file},line=${at.line},col=${at.col},title=stale flag (${f.category})::${escapeData(body)}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/`/g, "'");
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
