import { runCodegen } from '../../code/write-codegen.js';
import { renderCodegen } from '../render/codegen.js';
import type { RegisterCommand } from './index.js';

interface CodegenFlags {
  out: string;
  dir: string;
  check?: boolean;
  json?: boolean;
}

export const registerCodegen: RegisterCommand = (program, out) => {
  program
    .command('codegen')
    .description('write TypeScript types of flag keys and values (FlagValues, FlagKey, flagKeys) for a typed client')
    .requiredOption('--out <file>', 'the TypeScript file to write, e.g. src/flags.generated.ts')
    .option('--dir <dir>', 'flags folder', 'flags')
    .option('--check', 'write nothing; exit 1 when the file is missing or out of date (for CI)')
    .option('--json', 'print the result as JSON')
    .action(async (flags: CodegenFlags) => {
      const run = await runCodegen({ cwd: process.cwd(), dir: flags.dir, out: flags.out, check: flags.check });
      renderCodegen(run, out, Boolean(flags.json));
      if (run.outcome === 'failed' || run.outcome === 'stale') out.exitCode = 1;
    });
};
