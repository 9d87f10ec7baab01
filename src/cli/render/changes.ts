import { describeMove } from '../../core/edit/index.js';
import type { KillFlagResult } from '../../git/kill.js';
import type { RampFlagResult } from '../../git/ramp.js';
import type { Step } from '../../git/steps.js';
import type { Output } from '../output.js';

export function renderRamp(result: RampFlagResult, out: Output, json: boolean): void {
  if (json) return void out.stdout(`${JSON.stringify(result, null, 2)}\n`);
  const c = out.color;
  if (result.mode === 'dry-run') {
    out.stdout(result.diff ? colorDiff(result.diff, out) : '');
    out.stdout(`${c.dim('dry run')}: ${result.description}; nothing was changed\n`);
    return renderRampSpecs(result, out);
  }
  if (!result.changed) return void out.stdout(`${c.dim('unchanged')}: ${result.description}; nothing to commit\n`);
  out.stdout(`${c.green('ramp')} ${result.key}: ${result.description}\n`);
  if (result.pr) out.stdout(`  pull request #${result.pr.number} ${result.pr.status}: ${c.cyan(result.pr.url)}\n`);
  else if (result.commit) out.stdout(`  pushed ${result.commit.slice(0, 7)} to ${result.branch}\n`);
  renderRampSpecs(result, out);
}

/** Specs updated with the ramp on stdout; specs that will now fail as warnings on stderr. */
function renderRampSpecs(result: RampFlagResult, out: Output): void {
  const c = out.color;
  for (const u of result.specs.updated) {
    out.stdout(`  spec ${u.file}:${u.line}:${u.col} ${JSON.stringify(u.renamed ?? u.name)}: ${describeMove(u.expectBefore, u.expectAfter)}\n`);
  }
  for (const s of result.specs.skipped) {
    out.stderr(`${c.yellow('warning')}: ${s.file}:${s.line}:${s.col} distribution ${JSON.stringify(s.name)} ${s.reason}\n`);
  }
  if (result.specs.skipped.length > 0) out.stderr('hint: update those expectations in the same change, or run `flags test` to see what they get\n');
}

export function renderKill(result: KillFlagResult, out: Output, json: boolean): void {
  if (json) return void out.stdout(`${JSON.stringify(result, null, 2)}\n`);
  const c = out.color;
  if (result.outcome === 'dry-run') {
    out.stdout(result.diff ? colorDiff(result.diff, out) : '');
    out.stdout(`${c.dim('dry run')}: ${result.description}; nothing was changed\n`);
    return;
  }
  const verb = result.killed ? c.red('killed') : c.green('unkilled');
  if (result.outcome === 'unchanged') out.stdout(`${c.dim('unchanged')}: ${result.description}; no commit made\n`);
  else out.stdout(`${verb} ${result.key} in ${result.env}: ${result.description}\n`);
  if (result.fallbackReason) out.stderr(`${c.yellow('note')}: ${result.fallbackReason}; opened a pull request instead\n`);
  renderSteps(result.steps, out);
  if (result.pr) {
    const label = result.killed ? ' labelled emergency' : '';
    out.stdout(`  pull request #${result.pr.number} ${result.pr.status}${label}: ${c.cyan(result.pr.url)}\n`);
    out.stdout(result.pr.autoMerge ? '  auto-merge requested: it merges as soon as checks pass\n' : `  ${c.yellow('note')}: ${result.pr.autoMergeNote}\n`);
    out.stdout('  not published yet: the change takes effect once the pull request is merged and published\n');
  }
  const published = result.publish;
  if (published?.status === 'skipped') out.stdout(`  ${c.yellow('not published')}: ${published.reason}; run \`flags compile && flags publish\`\n`);
  else if (published) out.stdout(`  bundle v${published.version} ${published.status === 'published' ? 'published to' : 'already at'} ${published.location}\n`);
}

function renderSteps(steps: Step[], out: Output): void {
  const width = Math.max(...steps.map((s) => s.name.length));
  for (const step of steps) {
    out.stdout(`  ${step.name.padEnd(width)}  ${String(step.ms).padStart(5)} ms${step.detail ? `  ${out.color.dim(step.detail)}` : ''}\n`);
  }
  out.stdout(`  ${'total'.padEnd(width)}  ${String(steps.reduce((sum, s) => sum + s.ms, 0)).padStart(5)} ms\n`);
}

function colorDiff(diff: string, out: Output): string {
  const c = out.color;
  return diff.split('\n').map((line) => (line.startsWith('+') && !line.startsWith('+++') ? c.green(line)
    : line.startsWith('-') && !line.startsWith('---') ? c.red(line) : line)).join('\n');
}
