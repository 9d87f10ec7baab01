import { testFlags } from '../../io/spec-tests.js';
import { formatOption, resolveFormat } from '../format-option.js';
import { FORMATS } from '../output.js';
import { renderTestResult } from '../render/spec-tests.js';
import { chosenDir, withDirArgument } from '../dir-option.js';
import type { RegisterCommand } from './index.js';

export const registerTest: RegisterCommand = (program, out) => {
  withDirArgument(program.command('test'))
    .description('run the assertion specs in flags/tests/ against the compiled bundles (exit 1 on a failure)')
    .option('--env <environment>', 'only the assertions of this environment')
    .addOption(formatOption(FORMATS))
    .option('--json', 'shorthand for --format json')
    .action(async (positional: string | undefined, flags: { env?: string; format?: string; json?: boolean } & { dir?: string }) => {
      const dir = chosenDir(positional, flags);
      const format = resolveFormat(flags);
      renderTestResult(await testFlags({ cwd: process.cwd(), dir, env: flags.env }), out, format);
    });
};
