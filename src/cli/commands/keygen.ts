import { generateKeyToDisk } from '../../io/keys.js';
import { renderKeygen } from '../render/bundles.js';
import type { RegisterCommand } from './index.js';

interface KeygenFlags {
  id?: string;
  out?: string;
  stdout?: boolean;
  dir: string;
  force?: boolean;
}

export const registerKeygen: RegisterCommand = (program, out) => {
  program
    .command('keygen')
    .description('make an Ed25519 signing key: private key to a 0600 file (or stdout), public key into the keyring')
    .option('--id <id>', 'label of the key in signing.keys (default: key-<keyid>)')
    .option('--out <file>', 'private key file, outside the repository (default: ~/.config/flagops/keys/<id>.pem)')
    .option('--stdout', 'print the private key (for a CI secret) instead of writing a file')
    .option('--dir <dir>', 'flags folder whose flagops.yaml gets the public key', 'flags')
    .option('--force', 'allow a key file inside the repository, or overwriting one')
    .action(async (flags: KeygenFlags) => {
      const result = await generateKeyToDisk({ cwd: process.cwd(), dir: flags.dir, id: flags.id, out: flags.out, stdout: flags.stdout, force: flags.force });
      renderKeygen(result, out);
    });
};
