import { flagLog } from '../../git/log.js';
import { renderLog } from '../render/log.js';
import type { RegisterCommand } from './index.js';

export const registerLog: RegisterCommand = (program, out) => {
  program
    .command('log')
    .description("a flag's audit trail from git history, in words")
    .argument('<key>', 'flag key')
    .option('--dir <dir>', 'flags folder', 'flags')
    .option('--json', 'print the trail as JSON')
    .action(async (key: string, flags: { dir: string; json?: boolean }) => {
      renderLog(await flagLog({ cwd: process.cwd(), dir: flags.dir, key }), out, Boolean(flags.json));
    });
};
