import { UsageError } from '../../core/errors.js';
import { compileProjectToDisk } from '../../io/compile.js';
import { renderCompile } from '../render/bundles.js';
import { chosenDir, withDirArgument } from '../dir-option.js';
import type { RegisterCommand } from './index.js';

interface CompileFlags {
  env?: string[];
  out?: string;
  key?: string;
  unsigned?: boolean;
  bundleVersion?: string;
  json?: boolean;
}

export const registerCompile: RegisterCommand = (program, out) => {
  withDirArgument(program.command('compile'))
    .description('compile one signed bundle per environment (DSSE, Ed25519) into bundle.dir')
    .option('--env <environment>', 'only this environment; repeat for several (default: all)', collect)
    .option('--out <dir>', 'output folder (default: the config\'s bundle.dir)')
    .option('--key <file>', 'private key PEM (default: FLAGS_SIGNING_KEY, then signing.privateKeyPath)')
    .option('--unsigned', 'write unsigned bundles, for local tests only (SDKs refuse them)')
    .option('--bundle-version <n>', 'outside git only: the version to stamp')
    .option('--json', 'print the result as JSON')
    .action(async (positional: string | undefined, flags: CompileFlags & { dir?: string }) => {
      const dir = chosenDir(positional, flags);
      const result = await compileProjectToDisk({
        cwd: process.cwd(),
        dir,
        out: flags.out,
        environments: flags.env,
        keyFile: flags.key,
        signingKey: process.env.FLAGS_SIGNING_KEY,
        unsigned: flags.unsigned,
        version: flags.bundleVersion === undefined ? undefined : parseVersion(flags.bundleVersion),
      });
      renderCompile(result, out, Boolean(flags.json));
      if (result.bundles.length === 0) out.exitCode = 1;
    });
};

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseVersion(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new UsageError(`--bundle-version must be a non-negative integer, got "${text}"`);
  return n;
}
