import { initProject } from '../../io/init.js';
import type { RegisterCommand } from './index.js';

export const registerInit: RegisterCommand = (program, out) => {
  program
    .command('init')
    .description('scaffold a flags repository: config, example flag, segments/, tests/, CI workflow')
    .argument('[dir]', 'repository root', '.')
    .option('--keygen', 'also generate a signing key pair (private key outside the repository)')
    .action(async (dir: string, flags: { keygen?: boolean }) => {
      const result = await initProject({ cwd: process.cwd(), root: dir, keygen: flags.keygen });
      const c = out.color;
      for (const file of result.created) out.stdout(`${c.green('created')} ${file}\n`);
      for (const file of result.skipped) out.stdout(`${c.dim('exists ')} ${file} (left as is)\n`);
      if (result.key) out.stdout(`${c.green('key')}     ${result.key.id}: private key in ${result.key.file}, public key added to ${result.key.config}\n`);
      out.stdout('\nnext steps:\n');
      if (!result.key) out.stdout('  flags keygen          make a signing key pair\n');
      out.stdout('  flags new my-flag     add a flag\n  flags lint            check them\n');
    });
};
