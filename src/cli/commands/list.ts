import { listProject } from '../../io/list.js';
import { formatOption, resolveFormat } from '../format-option.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { renderFlagList } from '../render/flag-list.js';
import { chosenDir, withDirArgument } from '../dir-option.js';
import type { RegisterCommand } from './index.js';

export const registerList: RegisterCommand = (program, out) => {
  withDirArgument(program.command('list'))
    .description('table of flags × environments: state, rollout, owner, kind, expiry, age')
    .option('--env <environment>', 'show only this environment')
    .addOption(formatOption(['text', 'json']))
    .option('--json', 'shorthand for --format json')
    .action(async (positional: string | undefined, flags: { env?: string; format?: string; json?: boolean } & { dir?: string }) => {
      const dir = chosenDir(positional, flags);
      const format = resolveFormat(flags) === 'json' ? 'json' : 'text';
      const { flags: rows, problems } = await listProject({ cwd: process.cwd(), dir, env: flags.env });
      renderFlagList(rows, out, format);
      if (problems.length > 0) {
        // On stderr, so `--json` stays parseable; exit 1 because the table is incomplete.
        renderDiagnostics(problems, { ...out, stdout: out.stderr }, { format: 'text' });
        out.exitCode = 1;
      }
    });
};
