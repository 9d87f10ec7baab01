import { killFlag } from '../../git/kill.js';
import { renderKill } from '../render/changes.js';
import type { RegisterCommand } from './index.js';

export interface SwitchFlags {
  env?: string;
  reason?: string;
  dir: string;
  publishTo?: string;
  key?: string;
  pr?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

export const registerKill: RegisterCommand = (program, out) => {
  program
    .command('kill')
    .description('kill switch: commit killed: true straight to the default branch and publish at once')
    .argument('<key>', 'flag key')
    .option('--env <environment>', 'environment (default: the first in flagops.yaml)')
    .option('--reason <text>', 'why, for the audit trail (killReason)')
    .option('--dir <dir>', 'flags folder', 'flags')
    .option('--publish-to <dir|url>', 'publish the new bundle here (default: publish.to)')
    .option('--key <file>', 'private key PEM (default: FLAGS_SIGNING_KEY, then signing.privateKeyPath)')
    .option('--pr', 'open a pull request instead of pushing to the default branch')
    .option('--dry-run', 'print the change and touch nothing')
    .option('--json', 'print the result as JSON')
    .action(async (key: string, flags: SwitchFlags) => {
      const result = await killFlag(switchOptions(key, flags));
      renderKill(result, out, Boolean(flags.json));
    });
};

export function switchOptions(key: string, flags: SwitchFlags) {
  return {
    cwd: process.cwd(),
    dir: flags.dir,
    key,
    env: flags.env,
    reason: flags.reason,
    publishTo: flags.publishTo,
    keyFile: flags.key,
    viaPullRequest: flags.pr,
    dryRun: flags.dryRun,
  };
}
