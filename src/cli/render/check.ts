import type { ChalkInstance } from 'chalk';
import type { FlagReport, Impact, SegmentReport } from '../../core/check/index.js';
import type { Diagnostic } from '../../core/types.js';
import { CHECK_COMMENT_MARKER } from '../../git/check-comment.js';
import type { CheckResult } from '../../io/check.js';
import type { Format } from '../output.js';
import { REPORTERS } from './diagnostics.js';
import { renderSpecLines } from './spec-tests.js';

type CheckReporter = (result: CheckResult, color: ChalkInstance) => string;

/** One renderer per format; markdown is also the pull-request comment. */
export const CHECK_REPORTERS: Record<Format, CheckReporter> = { text, json, markdown, github };

const failed = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');
const short = (sha: string) => sha.slice(0, 7);

function text(result: CheckResult, c: ChalkInstance): string {
  const { report } = result;
  const lines = [c.bold(`flags check: ${result.project.dir}/ compared with ${result.base.ref} (${short(result.base.sha)})`), ''];
  if (report.flags.length === 0 && report.segments.length === 0) lines.push('No flag or segment changes.', '');
  for (const flag of report.flags) {
    lines.push(`${c.bold(flag.key)} ${c.dim(`${flag.status} · ${flag.file}`)}`);
    for (const change of flag.changes) lines.push(`  ${change.text}`);
    for (const impact of flag.impact) lines.push(`  ${c.cyan('→')} ${impact.environment}: ${impact.text}`);
    lines.push('');
  }
  for (const segment of report.segments) {
    lines.push(`${c.bold(`segment ${segment.key}`)} ${c.dim(`${segment.status} · ${segment.file}`)}`);
    for (const change of segment.changes) lines.push(`  ${change.text}`);
    lines.push(`  ${c.dim(`used by: ${segment.flags.join(', ') || 'no flag'}`)}`, '');
  }
  lines.push(...renderSpecLines(report.tests, c, result.project.tests.length > 0 && failed(report.diagnostics)), '');
  return `${lines.join('\n')}${REPORTERS.text(report.diagnostics, { color: c })}`;
}

function json(result: CheckResult): string {
  const { report } = result;
  const count = (s: string) => report.diagnostics.filter((d) => d.severity === s).length;
  const tests = { passed: report.tests.filter((t) => t.passed).length, failed: report.tests.filter((t) => !t.passed).length };
  const summary = { errors: count('error'), warnings: count('warning'), flags: report.flags.length, segments: report.segments.length, tests };
  return `${JSON.stringify({ base: result.base, pullRequest: result.pullRequest, ...report, summary }, null, 2)}\n`;
}

/** The pull-request comment: verdict, what changes for whom, findings, specs. */
function markdown(result: CheckResult, c: ChalkInstance): string {
  const { report } = result;
  const verdict = failed(report.diagnostics) ? '❌ flags check failed' : '✅ flags check passed';
  const scope = `${plural(report.flags.length, 'flag')} and ${plural(report.segments.length, 'segment')} changed`;
  const population = report.population === undefined ? 'no population given: shares are of the bucket space' : `blast radius over ${report.population.toLocaleString('en-US')} contexts`;
  const lines = [CHECK_COMMENT_MARKER, `## ${verdict}`, '', `Compared with \`${result.base.ref}\` (\`${short(result.base.sha)}\`): ${scope}; ${population}.`, ''];
  if (report.flags.length > 0) lines.push('### Flags', '', ...report.flags.flatMap(flagMarkdown));
  if (report.segments.length > 0) lines.push('### Segments', '', ...report.segments.flatMap(segmentMarkdown));
  lines.push('### Findings', '', REPORTERS.markdown(report.diagnostics, { color: c }).trimEnd(), '');
  lines.push('### Assertion specs', '', ...specMarkdown(result), '');
  return `${lines.join('\n')}`;
}

function flagMarkdown(flag: FlagReport): string[] {
  const title = `#### \`${flag.key}\` · ${flag.status}${flag.renamedFrom ? ` from \`${flag.renamedFrom}\`` : ''}`;
  const changes = flag.changes.map((change) => `- ${escape(change.text)} (\`${flag.file}:${change.line}\`)`);
  const impact = flag.impact.length === 0 ? [] : ['', '**Who is affected**', '', ...flag.impact.map(impactMarkdown)];
  return [title, '', ...changes, ...impact, ''];
}

function impactMarkdown(impact: Impact): string {
  return `- ${impact.environment}: ${escape(impact.text)}`;
}

function segmentMarkdown(segment: SegmentReport): string[] {
  const used = segment.flags.length > 0 ? segment.flags.map((f) => `\`${f}\``).join(', ') : 'no flag';
  return [`#### segment \`${segment.key}\` · ${segment.status}`, '', ...segment.changes.map((c) => `- ${escape(c.text)}`), '', `Used by ${used}.`, ''];
}

function specMarkdown(result: CheckResult): string[] {
  const tests = result.report.tests;
  if (tests.length === 0) return ['No assertion specs ran (add some under `flags/tests/`).'];
  const failures = tests.filter((t) => !t.passed);
  const head = `${tests.length - failures.length} of ${tests.length} passed.`;
  return failures.length === 0 ? [head] : [head, '', ...failures.map((t) => `- ❌ ${escape(t.name)} (${t.environment}, \`${t.file}\`): ${escape(t.detail)}`)];
}

/** Annotations: findings on their lines, and each change as a notice on the line it concerns. */
function github(result: CheckResult, c: ChalkInstance): string {
  const notices = [...result.report.flags, ...result.report.segments].flatMap((item) => item.changes.map((change) => {
    const impact = 'impact' in item ? item.impact.filter((i) => i.environment === change.environment).map((i) => ` — ${i.text}`).join('') : '';
    const title = 'impact' in item ? `flag ${item.key}` : `segment ${item.key}`;
    return `::notice file=${prop(change.file)},line=${change.line},col=${change.col},title=${prop(title)}::${data(change.text + impact)}`;
  }));
  return `${notices.map((n) => `${n}\n`).join('')}${REPORTERS.github(result.report.diagnostics, { color: c })}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function prop(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
