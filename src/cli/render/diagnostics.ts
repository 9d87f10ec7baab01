import type { ChalkInstance } from 'chalk';
import type { Diagnostic, Severity } from '../../core/types.js';
import type { Format, Output } from '../output.js';

export interface ReportOptions {
  /** How many files were checked, for the summary line. */
  files?: number;
  color: ChalkInstance;
}

type Reporter = (diagnostics: Diagnostic[], options: ReportOptions) => string;

/** One reporter per output format; every command that reports diagnostics goes through these. */
export const REPORTERS: Record<Format, Reporter> = { text, json, github, markdown };

/** Writes the report to stdout and sets exit code 1 when there is an error. */
export function renderDiagnostics(diagnostics: Diagnostic[], out: Output, options: { format: Format; files?: number }): void {
  out.stdout(REPORTERS[options.format](diagnostics, { files: options.files, color: out.color }));
  if (diagnostics.some((d) => d.severity === 'error')) out.exitCode = Math.max(out.exitCode, 1);
}

/** "2 errors, 1 warning in 7 files", or "no problems in 7 files". */
export function summarize(diagnostics: Diagnostic[], files?: number): string {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('info'), 'note')].filter((p) => !p.startsWith('0 '));
  const where = files === undefined ? '' : ` in ${plural(files, 'file')}`;
  return `${parts.length > 0 ? parts.join(', ') : 'no problems'}${where}`;
}

function text(diagnostics: Diagnostic[], { files, color: c }: ReportOptions): string {
  const lines = diagnostics.flatMap((d) => {
    const severity = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.blue('info');
    const head = `${c.bold(where(d))} ${severity} ${c.dim(d.code)} ${d.message}`;
    return d.hint ? [head, `    ${c.dim(`hint: ${d.hint}`)}`] : [head];
  });
  const errors = diagnostics.some((d) => d.severity === 'error');
  const summary = summarize(diagnostics, files);
  return [...lines, ...(lines.length > 0 ? [''] : []), errors ? c.red(summary) : diagnostics.length > 0 ? c.yellow(summary) : c.green(summary), ''].join('\n');
}

function json(diagnostics: Diagnostic[], { files }: ReportOptions): string {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length;
  const summary = { errors: count('error'), warnings: count('warning'), infos: count('info'), ...(files === undefined ? {} : { files }) };
  return `${JSON.stringify({ diagnostics, summary }, null, 2)}\n`;
}

/** GitHub workflow commands: each diagnostic becomes an annotation on the pull request's diff. */
function github(diagnostics: Diagnostic[], { files }: ReportOptions): string {
  const lines = diagnostics.map((d) => {
    const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    const props = [d.file && `file=${escapeProperty(d.file)}`, d.line > 0 && `line=${d.line}`, d.col > 0 && `col=${d.col}`, `title=${escapeProperty(d.code)}`].filter(Boolean);
    return `::${level} ${props.join(',')}::${escapeData(d.hint ? `${d.message}\nhint: ${d.hint}` : d.message)}`;
  });
  return [...lines, summarize(diagnostics, files), ''].join('\n');
}

function markdown(diagnostics: Diagnostic[], { files }: ReportOptions): string {
  const icon: Record<Severity, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };
  const rows = diagnostics.map((d) => `| ${icon[d.severity]} | \`${where(d)}\` | ${d.code} | ${cell(d.message)}${d.hint ? `<br>${cell(d.hint)}` : ''} |`);
  const table = rows.length > 0 ? ['| | Where | Code | Problem |', '|---|---|---|---|', ...rows, ''] : [];
  return [...table, `**${summarize(diagnostics, files)}**`, ''].join('\n');
}

function where(d: Diagnostic): string {
  if (!d.file) return '(project)';
  return d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
