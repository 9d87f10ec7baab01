import { listProject } from '../../io/list.js';
import { formatOption, resolveFormat } from '../format-option.js';
import { renderFlagList } from '../render/flag-list.js';
import type { RegisterCommand } from './index.js';

export const registerList: RegisterCommand = (program, out) => {
  program
    .command('list')
    .description('table of flags × environments: state, rollout, owner, kind, expiry, age')
    .argument('[dir]', 'flags folder', 'flags')
    .option('--env <environment>', 'show only this environment')
    .addOption(formatOption(['text', 'json']))
    .option('--json', 'shorthand for --format json')
    .action(async (dir: string, flags: { env?: string; format?: string; json?: boolean }) => {
      const format = resolveFormat(flags) === 'json' ? 'json' : 'text';
      renderFlagList(await listProject({ cwd: process.cwd(), dir, env: flags.env }), out, format);
    });
};
