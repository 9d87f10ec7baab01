import { UsageError } from '../../core/errors.js';
import { loadProject } from '../../io/project.js';
import { renderCleanup } from '../render/cleanup.js';
import type { RegisterCommand } from './index.js';

export const registerCleanup: RegisterCommand = (program, out) => {
  program
    .command('cleanup')
    .description('remove a flag from the code: inline the kept variation, fold dead branches, delete the flag file (prints a diff)')
    .argument('<key>', 'flag key')
    .requiredOption('--keep <variation>', 'the variation everybody keeps')
    .option('--write', 'apply the change to the working tree')
    .option('--pr', 'open a pull request with the change')
    .option('--dir <dir>', 'flags folder', 'flags')
    .action(async (key: string, flags: { keep: string; write?: boolean; pr?: boolean; dir: string }) => {
      if (flags.write && flags.pr) throw new UsageError('--write and --pr are exclusive', { hint: 'Write it locally, or propose it as a pull request.' });
      const cwd = process.cwd();
      // ts-morph loads only for the commands that parse code, so every other command starts fast.
      const { applyCleanup, cleanupFlag } = await import('../../code/cleanup/index.js');
      const { proposeCleanup } = await import('../../code/cleanup/propose.js');
      const result = await cleanupFlag({ cwd, dir: flags.dir, key, keep: flags.keep });
      if (flags.write) await applyCleanup(result, { cwd });
      const proposed = flags.pr ? await proposeCleanup(result, { cwd, config: (await loadProject(flags.dir, { cwd })).config }) : undefined;
      renderCleanup(result, out, { written: Boolean(flags.write), pr: proposed?.pr && { url: proposed.pr.url, status: proposed.status } });
    });
};
