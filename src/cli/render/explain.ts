import type { ExplainResult } from '../../io/eval.js';
import { BUCKETS } from '../../sdk/bundle/types.js';
import type { Output } from '../output.js';
import { renderFindings } from './findings.js';

export function renderExplain(result: ExplainResult, out: Output, json: boolean): void {
  if (json) {
    out.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const c = out.color;
  renderFindings(result.diagnostics, out);
  const e = result.explanation;
  if (!e) {
    out.stderr(`${c.red('error')}: the flags do not compile; fix the errors above\n`);
    return;
  }
  out.stdout(`${c.bold(result.key)} in ${result.environment}\n`);
  const rows: [string, string | undefined][] = [
    ['value', JSON.stringify(e.value)],
    ['variation', e.variation],
    ['reason', e.errorCode ? `${e.reason} (${e.errorCode})` : e.reason],
    ['rule', e.ruleIndex === undefined ? undefined : `#${e.ruleIndex}${e.ruleName ? ` ${e.ruleName}` : ''}`],
    ['bucketBy', e.bucketBy],
    ['bucket', e.bucket === undefined ? undefined : `${e.bucket} of ${BUCKETS}`],
  ];
  for (const [label, value] of rows) if (value !== undefined) out.stdout(`  ${c.dim(label.padEnd(10))}${value}\n`);
}
