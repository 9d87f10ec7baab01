/** The repository both kill benchmarks start from: a clone of a bare origin holding the example flags, a trusted key. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateKeyPair } from '../../src/core/sign.js';
import { addKeyToConfig } from '../../src/io/keyring.js';

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

export async function setupKillRepo(root: string) {
  const origin = path.join(root, 'origin.git');
  const dir = path.join(root, 'work');
  const cdn = path.join(root, 'cdn');
  const git = (...args: string[]) => exec('git', args, { cwd: dir });
  await exec('git', ['init', '-q', '--bare', '-b', 'main', origin]);
  await exec('git', ['clone', '-q', origin, dir]);
  await git('config', 'user.name', 'Bench');
  await git('config', 'user.email', 'bench@example.test');
  await git('checkout', '-q', '-b', 'main');
  await exec('cp', ['-r', path.join(ROOT, 'flags'), path.join(dir, 'flags')]);
  const pair = generateKeyPair();
  const key = { id: 'bench', publicKey: pair.publicKey };
  await addKeyToConfig(path.join(dir, 'flags/flagops.yaml'), key);
  await git('add', '-A');
  await git('commit', '-q', '-m', 'seed');
  await git('push', '-q', '-u', 'origin', 'main');
  return { dir, cdn, key, privateKeyPem: pair.privateKeyPem, env: { ...process.env, NO_COLOR: '1', FLAGS_SIGNING_KEY: pair.privateKeyPem } };
}
