import type { Diagnostic } from '../../core/types.js';
import type { Output } from '../output.js';

/** `file:line:col severity code message` and the hint, on stderr: findings that block a command. */
export function renderFindings(diagnostics: Diagnostic[], out: Output): void {
  const c = out.color;
  for (const d of diagnostics) {
    const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
    const severity = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.blue('info');
    out.stderr(`${where} ${severity} ${c.dim(d.code)} ${d.message}\n`);
    if (d.hint) out.stderr(`  ${c.dim('hint')}: ${d.hint}\n`);
  }
}
