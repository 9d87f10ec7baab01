import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';

/**
 * The flags folder, accepted both ways — `flags lint flags/` and `flags lint --dir flags/` — so it
 * is spelled the same in every command (most take only `--dir`, beside their other arguments).
 */
export function withDirArgument(command: Command): Command {
  return command.argument('[dir]', 'flags folder (or --dir)').option('--dir <dir>', 'flags folder', undefined);
}

export function chosenDir(positional: string | undefined, flags: { dir?: string }): string {
  if (positional !== undefined && flags.dir !== undefined && positional !== flags.dir) {
    throw new UsageError(`two flags folders given: ${positional} and --dir ${flags.dir}`, { hint: 'Name the folder once.' });
  }
  return positional ?? flags.dir ?? 'flags';
}
