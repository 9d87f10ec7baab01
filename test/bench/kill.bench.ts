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
import { setupKillRepo } from './kill-repo.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/flags.js');
const RUNS = 10;

export async function run_(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'flagops-bench-kill-'));
  try {
    const { dir, env, cdn } = await setupKillRepo(root);
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
