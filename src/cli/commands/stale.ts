import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { STALE_CATEGORIES, type StaleCategory } from '../../core/stale/types.js';
import { formatOption, resolveFormat } from '../format-option.js';
import { FORMATS } from '../output.js';
import { createProgress } from '../render/progress.js';
import { STALE_REPORTERS } from '../render/stale.js';
import type { RegisterCommand } from './index.js';

export const registerStale: RegisterCommand = (program, out) => {
  program
    .command('stale')
    .description('hygiene report: rolled-out, long-killed, expired, unreferenced and undefined flags, with every code reference')
    .option('--dir <dir>', 'flags folder', 'flags')
    .addOption(formatOption(FORMATS))
    .option('--json', 'shorthand for --format json')
    .option('--fail-on <categories>', `exit 1 when any of these categories has a finding (comma-separated: ${STALE_CATEGORIES.join(', ')}, all, none)`, 'undefined')
    .addOption(new Option('--now <date>', 'measure ages against this date instead of today').hideHelp())
    .action(async (flags: { dir: string; format?: string; json?: boolean; failOn: string; now?: string }) => {
      const format = resolveFormat(flags);
      const failOn = parseCategories(flags.failOn);
      const progress = createProgress(out, 'scanning');
      // ts-morph loads only for the commands that parse code, so every other command starts fast.
      const { staleReport } = await import('../../code/stale.js');
      const report = await staleReport({ cwd: process.cwd(), dir: flags.dir, now: parseNow(flags.now), onProgress: progress.update });
      progress.done();
      out.stdout(STALE_REPORTERS[format](report, out.color));
      if (report.findings.some((f) => failOn.has(f.category))) out.exitCode = Math.max(out.exitCode, 1);
    });
};

function parseCategories(text: string): Set<StaleCategory> {
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.includes('none')) return new Set();
  if (names.includes('all')) return new Set(STALE_CATEGORIES);
  for (const name of names) {
    if (!(STALE_CATEGORIES as readonly string[]).includes(name)) {
      throw new UsageError(`--fail-on: unknown category \`${name}\``, { hint: `Use a comma-separated list of ${STALE_CATEGORIES.join(', ')}, or all, or none.` });
    }
  }
  return new Set(names as StaleCategory[]);
}

function parseNow(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--now: not a date: ${text}`, { hint: 'Pass an ISO date such as 2026-06-01.' });
  return date;
}
