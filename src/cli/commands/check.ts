import { UsageError } from '../../core/errors.js';
import { postCheckComment } from '../../git/check-comment.js';
import { checkPullRequest } from '../../io/check.js';
import { formatOption, resolveFormat } from '../format-option.js';
import { FORMATS } from '../output.js';
import { CHECK_REPORTERS } from '../render/check.js';
import { chosenDir, withDirArgument } from '../dir-option.js';
import type { RegisterCommand } from './index.js';

interface CheckFlags {
  base?: string;
  population?: string;
  format?: string;
  json?: boolean;
  comment?: boolean;
  pr?: string;
}

export const registerCheck: RegisterCommand = (program, out) => {
  withDirArgument(program.command('check'))
    .description('the pull-request check: lint, compile, what changes for whom vs the base, policies, specs (exit 1 on errors)')
    .option('--base <ref>', 'compare with this revision (default: origin/$GITHUB_BASE_REF, else origin\'s default branch)')
    .option('--population <file>', 'JSON lines of contexts to count the blast radius on')
    .addOption(formatOption(FORMATS))
    .option('--json', 'shorthand for --format json')
    .option('--comment', 'create or update the sticky pull-request comment (needs GITHUB_TOKEN)')
    .option('--pr <number>', 'the pull request to comment on (default: from the GitHub Actions event)')
    .action(async (positional: string | undefined, flags: CheckFlags & { dir?: string }) => {
      const dir = chosenDir(positional, flags);
      const format = resolveFormat(flags);
      const cwd = process.cwd();
      const result = await checkPullRequest({ cwd, dir, base: flags.base, population: flags.population, pr: parsePr(flags.pr) });
      out.stdout(CHECK_REPORTERS[format](result, out.color));
      if (result.report.diagnostics.some((d) => d.severity === 'error')) out.exitCode = Math.max(out.exitCode, 1);
      if (flags.comment) {
        const body = CHECK_REPORTERS.markdown(result, out.color);
        const posted = await postCheckComment({ cwd, config: result.project.config, pr: result.pullRequest.number, body, env: process.env });
        out.stderr(`${posted.created ? 'commented' : 'updated the comment'}: ${posted.url}\n`);
      }
    });
};

function parsePr(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.replace(/^#/, ''));
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--pr must be a pull request number, got "${text}"`, { hint: 'e.g. --pr 42.' });
  return n;
}
