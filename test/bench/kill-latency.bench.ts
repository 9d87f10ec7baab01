/**
 * How fast a kill reaches SDKs through the relay: `flags kill` (the real bin: direct push to a
 * local bare origin, compile, sign, publish to a folder) with a relay (`flags serve`) on that
 * folder and 100 SDK clients connected over SSE. Kills and unkills alternate, 10 runs.
 * Reports, per run, the time from the command's start to the LAST client's `change` event
 * (end to end), and from the bundle file's rename (seen by an independent folder watch) to
 * that last `change` (propagation: relay + stream + verification in every client).
 * The clients share this process (and libuv's thread pool for their signature checks), so the
 * spread between the first and the last client is an upper bound of what separate processes see.
 */
import { execFile } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { compileProjectToDisk } from '../../src/io/compile.js';
import { publishBundles } from '../../src/io/publish.js';
import { startRelay } from '../../src/io/relay/server.js';
import { createClient, type FlagsClient } from '../../src/sdk/index.js';
import { setupKillRepo } from './kill-repo.js';

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/flags.js');
const RUNS = 10;
const CLIENTS = 100;
/** When the relay last admitted a bundle and wrote it to every stream. */
let pushedAt = NaN;

export async function run(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'flagops-bench-relay-'));
  try {
    const repo = await setup(root);
    const relay = await startRelay({ from: repo.cdn, environments: ['production'], keys: [repo.key], port: 0, onEvent: (event) => {
      if (event.type === 'bundle') pushedAt = performance.now();
    } });
    const clients = Array.from({ length: CLIENTS }, () => createClient({
      source: { stream: `${relay.url}/production/stream` },
      environment: 'production',
      keys: [repo.key],
      logger: { warn: (message) => console.warn(message) },
    }));
    try {
      await Promise.all(clients.map((c) => c.ready()));
      const runs: Timing[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(i, repo, clients));
      report(runs);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await relay.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

interface Timing {
  command: number;
  endToEnd: number;
  propagation: number;
  relayed: number;
  firstClient: number;
}

async function measure(i: number, repo: Awaited<ReturnType<typeof setup>>, clients: FlagsClient[]): Promise<Timing> {
  const killing = i % 2 === 0;
  let renamedAt: number | undefined;
  const watcher = watch(repo.cdn, (_event, name) => {
    if (name === 'production.json' && renamedAt === undefined) renamedAt = performance.now();
  });
  const changes = clients.map((client) => new Promise<number>((resolve) => {
    const off = client.on('change', () => {
      off();
      resolve(performance.now());
    });
  }));
  const command = killing ? ['kill', 'new-pdf-engine', '--reason', `bench ${i}`] : ['unkill', 'new-pdf-engine'];
  const start = performance.now();
  await exec('node', [BIN, ...command, '--publish-to', repo.cdn], { cwd: repo.dir, env: repo.env });
  const done = performance.now();
  const times = await Promise.all(changes);
  watcher.close();
  const wrong = clients.filter((c) => (c.evaluate('new-pdf-engine', { accountId: 'acct_internal_1' }).reason === 'KILLED') !== killing);
  if (wrong.length > 0) throw new Error(`${wrong.length} clients do not serve the ${killing ? 'kill' : 'unkill'}`);
  const last = Math.max(...times);
  return { command: done - start, endToEnd: last - start, propagation: last - (renamedAt ?? NaN), relayed: pushedAt - (renamedAt ?? NaN), firstClient: Math.min(...times) - start };
}

function report(runs: Timing[]): void {
  const stat = (pick: (t: Timing) => number) => {
    const values = runs.map(pick).sort((a, b) => a - b);
    const median = (values[Math.floor((values.length - 1) / 2)]! + values[Math.ceil((values.length - 1) / 2)]!) / 2;
    return `median ${median.toFixed(1).padStart(7)} ms   max ${values.at(-1)!.toFixed(1).padStart(7)} ms`;
  };
  console.log(`flags kill → folder → relay (flags serve) → ${CLIENTS} SDK clients over SSE, ${RUNS} runs (kill / unkill alternating)`);
  console.log(`  command start → last client change (end to end)   ${stat((t) => t.endToEnd)}   (goal < 2000 ms)`);
  console.log(`  bundle file rename → last client change            ${stat((t) => t.propagation)}   (goal well under 1000 ms)`);
  console.log(`    of which rename → relay verified it and wrote it to every stream   ${stat((t) => t.relayed)}`);
  console.log(`  command start → first client change                ${stat((t) => t.firstClient)}`);
  console.log(`  command wall time (process start to exit)          ${stat((t) => t.command)}`);
}

async function setup(root: string) {
  const { dir, cdn, key, privateKeyPem, env } = await setupKillRepo(root);
  // The relay and the clients start from a published bundle, as in production.
  const out = path.join(root, 'out');
  await compileProjectToDisk({ cwd: dir, dir: 'flags', out, environments: ['production'], signingKey: privateKeyPem });
  await publishBundles({ cwd: dir, dir: 'flags', to: cdn, environments: ['production'], from: out });
  return { dir, cdn, key, env };
}
