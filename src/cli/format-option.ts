import { Option } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Format } from './output.js';

/** `--format <fmt>` limited to the formats a command supports. */
export function formatOption(formats: readonly Format[]): Option {
  return new Option('--format <format>', 'output format').choices(formats).default('text');
}

/** `--json` is shorthand for `--format json`; the two must not disagree. */
export function resolveFormat(flags: { format?: string; json?: boolean }): Format {
  const format = (flags.format ?? 'text') as Format;
  if (flags.json && format !== 'text' && format !== 'json') throw new UsageError(`--json contradicts --format ${format}`, { hint: 'Pass one of them.' });
  return flags.json ? 'json' : format;
}
