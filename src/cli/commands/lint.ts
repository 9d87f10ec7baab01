import { lintDir } from '../../io/lint.js';
import { formatOption, resolveFormat } from '../format-option.js';
import { FORMATS } from '../output.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { chosenDir, withDirArgument } from '../dir-option.js';
import type { RegisterCommand } from './index.js';

export const registerLint: RegisterCommand = (program, out) => {
  withDirArgument(program.command('lint'))
    .description('check flag files, segments and flagops.yaml: schema and semantic rules (exit 1 on errors)')
    .addOption(formatOption(FORMATS))
    .option('--json', 'shorthand for --format json')
    .action(async (positional: string | undefined, flags: { format?: string; json?: boolean } & { dir?: string }) => {
      const dir = chosenDir(positional, flags);
      const format = resolveFormat(flags);
      const { diagnostics, files } = await lintDir(dir, { cwd: process.cwd() });
      renderDiagnostics(diagnostics, out, { format, files });
    });
};
