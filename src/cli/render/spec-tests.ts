import type { ChalkInstance } from 'chalk';
import type { SpecResult } from '../../core/spec-tests/index.js';
import type { Diagnostic } from '../../core/types.js';
import type { TestResult } from '../../io/spec-tests.js';
import type { Format, Output } from '../output.js';
import { REPORTERS } from './diagnostics.js';

/**
 * `✓ name (env) detail` per assertion, then `13 passed, 1 failed`. `blocked`: errors (printed
 * after these lines) kept the specs from running, which is not the same as having none.
 */
export function renderSpecLines(results: SpecResult[], c: ChalkInstance, blocked = false): string[] {
  if (results.length === 0 && blocked) return [c.red('no assertion specs ran: fix the errors below first')];
  if (results.length === 0) return [c.dim('no assertion specs ran (add some under flags/tests/)')];
  const lines = results.map((r) => `${r.passed ? c.green('✓') : c.red('✗')} ${r.name} ${c.dim(`(${r.environment}, ${r.kind}) ${r.detail}`)}`);
  const failed = results.filter((r) => !r.passed).length;
  const summary = `specs: ${results.length - failed} passed, ${failed} failed`;
  return [...lines, failed > 0 ? c.red(summary) : c.green(summary)];
}

/** `flags test` output in every format; exit 1 on any error. */
export function renderTestResult(result: TestResult, out: Output, format: Format): void {
  if (format === 'json') out.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else if (format === 'text') out.stdout(`${renderSpecLines(result.results, out.color, result.files > 0 && hasErrors(result.diagnostics)).join('\n')}\n\n${REPORTERS.text(result.diagnostics, { color: out.color, files: result.files })}`);
  else out.stdout(REPORTERS[format](result.diagnostics, { color: out.color, files: result.files }));
  if (hasErrors(result.diagnostics)) out.exitCode = Math.max(out.exitCode, 1);
}

function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
