import { lintDir } from '../../io/lint.js';
import { formatOption, resolveFormat } from '../format-option.js';
import { FORMATS } from '../output.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import type { RegisterCommand } from './index.js';

export const registerLint: RegisterCommand = (program, out) => {
  program
    .command('lint')
    .description('check flag files, segments and flagops.yaml: schema and semantic rules (exit 1 on errors)')
    .argument('[dir]', 'flags folder', 'flags')
    .addOption(formatOption(FORMATS))
    .option('--json', 'shorthand for --format json')
    .action(async (dir: string, flags: { format?: string; json?: boolean }) => {
      const format = resolveFormat(flags);
      const { diagnostics, files } = await lintDir(dir, { cwd: process.cwd() });
      renderDiagnostics(diagnostics, out, { format, files });
    });
};
