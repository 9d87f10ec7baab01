/**
 * Median wall time of `flags kill` (the real bin) from invocation to the bundle published:
 * direct path, local bare origin, folder target. Kills and unkills alternate so every run
 * commits, pushes, compiles, signs and publishes.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateKeyPair } from '../../src/core/sign.js';
import { addKeyToConfig } from '../../src/io/keyring.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/flags.js');
const RUNS = 10;

export async function run_(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'flagops-bench-kill-'));
  try {
    const { dir, env, cdn } = await setup(root);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const command = i % 2 === 0 ? ['kill', 'new-pdf-engine', '--reason', `bench ${i}`] : ['unkill', 'new-pdf-engine'];
      const start = performance.now();
      await run('node', [BIN, ...command, '--publish-to', cdn], { cwd: dir, env });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = (times[RUNS / 2 - 1]! + times[RUNS / 2]!) / 2;
    console.log(`flags kill, invocation to bundle published (direct push to a local bare origin, folder target), ${RUNS} runs`);
    console.log(`  median ${median.toFixed(0)} ms   min ${times[0]!.toFixed(0)} ms   max ${times.at(-1)!.toFixed(0)} ms   (goal < 2000 ms)`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export { run_ as run };

async function setup(root: string) {
  const origin = path.join(root, 'origin.git');
  const dir = path.join(root, 'work');
  const cdn = path.join(root, 'cdn');
  const git = (...args: string[]) => run('git', args, { cwd: dir });
  await run('git', ['init', '-q', '--bare', '-b', 'main', origin]);
  await run('git', ['clone', '-q', origin, dir]);
  await git('config', 'user.name', 'Bench');
  await git('config', 'user.email', 'bench@example.test');
  await git('checkout', '-q', '-b', 'main');
  await run('cp', ['-r', path.join(ROOT, 'flags'), path.join(dir, 'flags')]);
  const pair = generateKeyPair();
  await addKeyToConfig(path.join(dir, 'flags/flagops.yaml'), { id: 'bench', publicKey: pair.publicKey });
  await git('add', '-A');
  await git('commit', '-q', '-m', 'seed');
  await git('push', '-q', '-u', 'origin', 'main');
  return { dir, cdn, env: { ...process.env, NO_COLOR: '1', FLAGS_SIGNING_KEY: pair.privateKeyPem } };
}
