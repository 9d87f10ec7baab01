import { unkillFlag } from '../../git/kill.js';
import { renderKill } from '../render/changes.js';
import type { RegisterCommand } from './index.js';
import { switchOptions, type SwitchFlags } from './kill.js';

export const registerUnkill: RegisterCommand = (program, out) => {
  program
    .command('unkill')
    .description('clear the kill switch the same way `flags kill` sets it')
    .argument('<key>', 'flag key')
    .option('--env <environment>', 'environment (default: the first in flagops.yaml)')
    .option('--dir <dir>', 'flags folder', 'flags')
    .option('--publish-to <dir|url>', 'publish the new bundle here (default: publish.to)')
    .option('--key <file>', 'private key PEM (default: FLAGS_SIGNING_KEY, then signing.privateKeyPath)')
    .option('--pr', 'open a pull request instead of pushing to the default branch')
    .option('--dry-run', 'print the change and touch nothing')
    .option('--json', 'print the result as JSON')
    .action(async (key: string, flags: SwitchFlags) => {
      const result = await unkillFlag(switchOptions(key, flags));
      renderKill(result, out, Boolean(flags.json));
    });
};
