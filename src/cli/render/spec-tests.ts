import type { ChalkInstance } from 'chalk';
import type { SpecResult } from '../../core/spec-tests/index.js';
import type { TestResult } from '../../io/spec-tests.js';
import type { Format, Output } from '../output.js';
import { REPORTERS } from './diagnostics.js';

/** `✓ name (env) detail` per assertion, then `13 passed, 1 failed`. */
export function renderSpecLines(results: SpecResult[], c: ChalkInstance): string[] {
  if (results.length === 0) return [c.dim('no assertion specs ran (add some under flags/tests/)')];
  const lines = results.map((r) => `${r.passed ? c.green('✓') : c.red('✗')} ${r.name} ${c.dim(`(${r.environment}, ${r.kind}) ${r.detail}`)}`);
  const failed = results.filter((r) => !r.passed).length;
  const summary = `specs: ${results.length - failed} passed, ${failed} failed`;
  return [...lines, failed > 0 ? c.red(summary) : c.green(summary)];
}

/** `flags test` output in every format; exit 1 on any error. */
export function renderTestResult(result: TestResult, out: Output, format: Format): void {
  if (format === 'json') out.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else if (format === 'text') out.stdout(`${renderSpecLines(result.results, out.color).join('\n')}\n\n${REPORTERS.text(result.diagnostics, { color: out.color, files: result.files })}`);
  else out.stdout(REPORTERS[format](result.diagnostics, { color: out.color, files: result.files }));
  if (result.diagnostics.some((d) => d.severity === 'error')) out.exitCode = Math.max(out.exitCode, 1);
}
