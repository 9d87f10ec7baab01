import { UsageError } from '../../core/errors.js';
import { rampFlag } from '../../git/ramp.js';
import { renderRamp } from '../render/changes.js';
import type { RegisterCommand } from './index.js';

interface RampFlags {
  env?: string;
  variation?: string;
  dir: string;
  force?: boolean;
  unkill?: boolean;
  direct?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

export const registerRamp: RegisterCommand = (program, out) => {
  program
    .command('ramp')
    .description('set the rollout percentage of a flag: a pull request by default')
    .argument('<key>', 'flag key')
    .argument('<percent>', 'percentage of buckets, 0..100, at most 3 decimals')
    .option('--env <environment>', 'environment (default: the first in flagops.yaml)')
    .option('--variation <name>', 'variation to ramp (default: the one besides the kill variation)')
    .option('--dir <dir>', 'flags folder', 'flags')
    .option('--force', 'allow a step larger than policy.maxRampStep')
    .option('--unkill', 'ramp a killed flag and unkill it in the same change')
    .option('--direct', 'commit and push to the current branch instead of opening a pull request')
    .option('--dry-run', 'print the change and touch nothing')
    .option('--json', 'print the result as JSON')
    .action(async (key: string, percent: string, flags: RampFlags) => {
      if (flags.direct && flags.dryRun) throw new UsageError('--direct and --dry-run exclude each other', { hint: 'Pick one.' });
      const result = await rampFlag({
        cwd: process.cwd(),
        dir: flags.dir,
        key,
        percent: parsePercent(percent),
        env: flags.env,
        variation: flags.variation,
        force: flags.force,
        unkill: flags.unkill,
        mode: flags.dryRun ? 'dry-run' : flags.direct ? 'direct' : 'pr',
      });
      renderRamp(result, out, Boolean(flags.json));
    });
};

function parsePercent(text: string): number {
  const value = Number(text.replace(/%$/, ''));
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new UsageError(`percentage must be a number, got "${text}"`, { hint: 'e.g. `flags ramp new-pdf-engine 25`.' });
  }
  return value;
}
