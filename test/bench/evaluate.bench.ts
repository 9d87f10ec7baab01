/**
 * Evaluation speed and memory, side by side with peer SDKs, each in its own native format:
 * the five example flags over 100,000 generated contexts, a random flag out of 10,000, and the
 * memory retained after loading 10,000 flags (median of several loads). flagops is measured
 * three ways: the client users hold (`createClient` on a signed envelope, counters on) through
 * `evaluate` and through `isEnabled`/`variation`, and the evaluator alone. Each subject runs in
 * its own process (see evaluate-subject.ts).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CONTEXTS, type Figures, HEAP_RUNS, MANY } from './evaluate-subject.js';
import { CLOCK } from './measure.js';
import { OURS, PEERS } from './peers/index.js';
import type { Subject } from './peers/types.js';

const exec = promisify(execFile);
const CHILD = fileURLToPath(new URL('./evaluate-subject.ts', import.meta.url));

interface Row extends Figures { subject: Subject }

async function measureApart(subject: Subject): Promise<Row> {
  const { stdout } = await exec(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, subject.name], { maxBuffer: 1 << 20 });
  const figures = JSON.parse(stdout.trim().split('\n').at(-1) as string) as Figures;
  return { subject, ...figures };
}

export async function run(): Promise<void> {
  const rows: Row[] = [];
  for (const subject of [...OURS, ...PEERS]) {
    process.stdout.write(`measuring ${subject.name}…\n`);
    rows.push(await measureApart(subject));
  }
  print(rows);
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(2);

function print(rows: Row[]): void {
  const client = rows[0] as Row;
  const header = ['SDK', 'ns/eval (5 flags)', 'peer ÷ client', 'ns/eval (1 of 10k)', 'peer ÷ client', 'heap MB (10k flags)'];
  const lines = rows.map((r) => [r.subject.name, r.five.toFixed(0), (r.five / client.five).toFixed(2), r.many.toFixed(0), (r.many / client.many).toFixed(2), mb(r.heap)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(format(line));
  console.log(`\npeer ÷ client = peer ns / flagops client.evaluate ns (higher is better for flagops). ${CONTEXTS.toLocaleString('en')} contexts, median of 5 rounds after 2 warm-up rounds, each SDK in a fresh process; ${CLOCK === 'cpu' ? 'process CPU time (BENCH_CLOCK=wall for wall time)' : 'wall time'}.`);
  console.log(`heap = JS heap + ArrayBuffers retained after loading ${MANY.toLocaleString('en')} flags from the SDK's native document, after full GCs; median of ${HEAP_RUNS} loads. flagops prepares every flag at load (nothing is deferred to the first evaluation).`);
  summarize(rows);
  for (const r of rows) console.log(`- ${r.subject.name}: ${r.subject.note}`);
}

function summarize(rows: Row[]): void {
  const ours = rows.filter((r) => OURS.includes(r.subject));
  const peers = rows.filter((r) => !OURS.includes(r.subject));
  const best = (key: 'five' | 'many' | 'heap') => peers.reduce((a, b) => (b[key] < a[key] ? b : a));
  for (const [key, label] of [['five', '5 flags'], ['many', '1 of 10k']] as const) {
    const peer = best(key);
    const ratios = ours.map((r) => `${r.subject.name} ${(peer[key] / r[key]).toFixed(1)}×`).join(', ');
    console.log(`\nfastest peer (${label}): ${peer.subject.name} ${peer[key].toFixed(0)} ns; faster by: ${ratios} (goal ≥ 3×)`);
  }
  const lean = best('heap');
  const heaps = ours.map((r) => `${r.subject.name} ${mb(r.heap)} MB (${(r.heap / lean.heap).toFixed(2)}×)`).join(', ');
  console.log(`\nleanest peer: ${lean.subject.name} ${mb(lean.heap)} MB; ${heaps} (goal ≤ 1×)\n`);
}
