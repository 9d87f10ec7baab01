import { explainFlag, parseContext } from '../../io/eval.js';
import { renderExplain } from '../render/explain.js';
import type { RegisterCommand } from './index.js';

interface EvalFlags {
  env?: string;
  ctx: string;
  dir: string;
  json?: boolean;
}

export const registerEval: RegisterCommand = (program, out) => {
  program
    .command('eval')
    .description('evaluate a flag for a context and explain the result: rule, reason, bucket')
    .argument('<key>', 'flag key')
    .option('--env <environment>', 'environment (default: the first in flagops.yaml)')
    .option('--ctx <json>', 'the context, a JSON object, e.g. \'{"userId":"u1"}\'', '{}')
    .option('--dir <dir>', 'flags folder', 'flags')
    .option('--json', 'print the result as JSON')
    .action(async (key: string, flags: EvalFlags) => {
      const context = parseContext(flags.ctx);
      const result = await explainFlag({ cwd: process.cwd(), dir: flags.dir, key, environment: flags.env, context });
      renderExplain(result, out, Boolean(flags.json));
      if (!result.explanation) out.exitCode = 1;
    });
};
