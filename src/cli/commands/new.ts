import { createFlagFile } from '../../io/new-flag.js';
import type { RegisterCommand } from './index.js';

interface NewFlags {
  kind: string;
  owner?: string;
  description?: string;
  expires?: string;
  dir: string;
  folder?: string;
}

export const registerNew: RegisterCommand = (program, out) => {
  program
    .command('new')
    .description('create a flag file serving `off` in every environment')
    .argument('<key>', 'flag key (also the file name)')
    .option('--kind <kind>', 'release | experiment | permission | ops', 'release')
    .option('--owner <owner>', 'team or person responsible')
    .option('--description <text>', 'what the flag does')
    .option('--expires <date>', 'YYYY-MM-DD by which it should be gone (default: in 30 days, for release and experiment)')
    .option('--dir <dir>', 'flags folder', 'flags')
    .option('--folder <sub>', 'subfolder of the flags folder, e.g. billing')
    .action(async (key: string, flags: NewFlags) => {
      const { file } = await createFlagFile({ cwd: process.cwd(), key, ...flags });
      out.stdout(`${out.color.green('created')} ${file}\n`);
      out.stdout(`next: edit its targeting, then \`flags lint ${flags.dir}\`\n`);
    });
};
