import type { CodegenRun } from '../../code/write-codegen.js';
import type { Output } from '../output.js';
import { renderFindings } from './findings.js';

export function renderCodegen(run: CodegenRun, out: Output, json: boolean): void {
  if (json) {
    out.stdout(`${JSON.stringify(run, null, 2)}\n`);
    return;
  }
  const c = out.color;
  renderFindings(run.diagnostics, out);
  const flags = `${run.keys.length} flag${run.keys.length === 1 ? '' : 's'}`;
  if (run.outcome === 'failed') out.stderr(`${c.red('error')}: ${run.out} not generated: fix the errors above\n`);
  else if (run.outcome === 'stale') out.stderr(`${c.red('out of date')}: ${run.out} differs from the flag files; run \`flags codegen --out ${run.out}\` and commit it\n`);
  else if (run.outcome === 'unchanged') out.stdout(`${c.dim('unchanged')} ${run.out} (${flags})\n`);
  else out.stdout(`${c.green('wrote')} ${run.out} (${flags})\n`);
}
