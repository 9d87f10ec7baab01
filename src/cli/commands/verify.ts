import { verifyBundleFile } from '../../io/verify.js';
import { renderVerify } from '../render/bundles.js';
import type { RegisterCommand } from './index.js';

interface VerifyFlags {
  dir: string;
  key?: string[];
  env?: string;
  json?: boolean;
}

export const registerVerify: RegisterCommand = (program, out) => {
  program
    .command('verify')
    .description('check a bundle: signature, keyring, format, environment and expiry')
    .argument('<file>', 'bundle file, e.g. dist/flags/production.json')
    .option('--dir <dir>', 'flags folder whose keyring is trusted', 'flags')
    .option('--key <pubkey>', 'trust this public key (base64, PEM or a PEM file) instead of the keyring; repeatable', collect)
    .option('--env <environment>', 'the environment the bundle must be for')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, flags: VerifyFlags) => {
      const verified = await verifyBundleFile({ cwd: process.cwd(), file, dir: flags.dir, keys: flags.key, environment: flags.env });
      renderVerify(verified, out, Boolean(flags.json));
      if (!verified.ok) out.exitCode = 1;
    });
};

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
