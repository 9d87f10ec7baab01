import type { Command } from 'commander';
import { killFlag, unkillFlag } from '../../git/kill.js';
import { renderKill } from '../render/changes.js';
import type { RegisterCommand } from './index.js';

interface SwitchFlags {
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
  switchCommand(program, 'kill', 'kill switch: commit killed: true straight to the default branch and publish at once')
    .option('--reason <text>', 'why, for the audit trail (killReason)')
    .action(async (key: string, flags: SwitchFlags) => renderKill(await killFlag(switchOptions(key, flags)), out, Boolean(flags.json)));
};

export const registerUnkill: RegisterCommand = (program, out) => {
  switchCommand(program, 'unkill', 'clear the kill switch the same way `flags kill` sets it')
    .action(async (key: string, flags: SwitchFlags) => renderKill(await unkillFlag(switchOptions(key, flags)), out, Boolean(flags.json)));
};

/** kill and unkill take the same options: they are one switch in two directions. */
function switchCommand(program: Command, name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .argument('<key>', 'flag key')
    .option('--env <environment>', 'environment (default: the first in flagops.yaml)')
    .option('--dir <dir>', 'flags folder', 'flags')
    .option('--publish-to <dir|url>', 'publish the new bundle here (default: publish.to)')
    .option('--key <file>', 'private key PEM (default: FLAGS_SIGNING_KEY, then signing.privateKeyPath)')
    .option('--pr', 'open a pull request instead of pushing to the default branch')
    .option('--dry-run', 'print the change and touch nothing')
    .option('--json', 'print the result as JSON');
}

function switchOptions(key: string, flags: SwitchFlags) {
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
