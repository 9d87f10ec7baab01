/**
 * Evaluation speed and memory, side by side with peer SDKs, each in its own native format:
 * the five example flags over 100,000 generated contexts, a random flag out of 10,000, and the
 * memory retained after loading 10,000 flags (median of several loads). flagops is measured
 * three ways: the client users hold (`createClient` on a signed envelope, counters on) through
 * `evaluate` and through `isEnabled`/`variation`, and the evaluator alone.
 */
import { median, retainedHeap, timePerEvaluation } from './measure.js';
import { featurevisor } from './peers/featurevisor.js';
import { flagd } from './peers/flagd.js';
import { flagopsClientEvaluate, flagopsClientIsEnabled, flagopsEvaluator } from './peers/flagops.js';
import { growthbook } from './peers/growthbook.js';
import { launchdarkly } from './peers/launchdarkly.js';
import type { Loaded, Subject } from './peers/types.js';
import { unleash } from './peers/unleash.js';
import { EXAMPLE_FLAGS, type FlagSpec, generateContexts, generateFlags, random } from './specs.js';

const CONTEXTS = 100_000;
const MANY = 10_000;
const HEAP_RUNS = 3;
const OURS: Subject[] = [flagopsClientEvaluate, flagopsClientIsEnabled, flagopsEvaluator];
const PEERS: Subject[] = [flagd, growthbook, featurevisor, launchdarkly, unleash];
/** Subjects that load exactly what another one does: their heap is not measured again. */
const SAME_HEAP = new Set<Subject>([flagopsClientIsEnabled]);

interface Row { subject: Subject; five: number; many: number; heap: number | undefined }

/** Loads 10,000 flags from the native document (made inside the measurement, so an SDK keeping the text pays for it). */
async function loadMany(subject: Subject, many: FlagSpec[]): Promise<{ loaded: Loaded; heap: number | undefined }> {
  if (SAME_HEAP.has(subject)) return { loaded: await subject.load(subject.serialize(many)), heap: undefined };
  const samples: number[] = [];
  let loaded: Loaded | undefined;
  for (let run = 0; run < HEAP_RUNS; run++) {
    await loaded?.close();
    loaded = undefined;
    const { value, bytes } = await retainedHeap(() => subject.load(subject.serialize(many)));
    loaded = value;
    samples.push(bytes);
  }
  return { loaded: loaded!, heap: median(samples) };
}

async function measure(subject: Subject, contexts: ReturnType<typeof generateContexts>, many: FlagSpec[], picks: FlagSpec[]): Promise<Row> {
  const small = await subject.load(subject.serialize(EXAMPLE_FLAGS));
  const five = await timePerEvaluation(small.evaluate, EXAMPLE_FLAGS, small.contexts(contexts));
  await small.close();
  const { loaded: big, heap } = await loadMany(subject, many);
  const manyNs = await timePerEvaluation(big.evaluate, picks, big.contexts(contexts), { paired: true });
  await big.close();
  return { subject, five, many: manyNs, heap };
}

export async function run(): Promise<void> {
  const contexts = generateContexts(CONTEXTS);
  const many = generateFlags(MANY);
  const rng = random(3);
  const picks = contexts.map(() => many[Math.floor(rng() * many.length)] as FlagSpec);
  const rows: Row[] = [];
  for (const subject of [...OURS, ...PEERS]) {
    process.stdout.write(`measuring ${subject.name}…\n`);
    rows.push(await measure(subject, contexts, many, picks));
  }
  print(rows);
}

const mb = (bytes: number | undefined) => (bytes === undefined ? '(same)' : (bytes / 1e6).toFixed(2));

function print(rows: Row[]): void {
  const client = rows[0] as Row;
  const header = ['SDK', 'ns/eval (5 flags)', 'peer ÷ client', 'ns/eval (1 of 10k)', 'peer ÷ client', 'heap MB (10k flags)'];
  const lines = rows.map((r) => [r.subject.name, r.five.toFixed(0), (r.five / client.five).toFixed(2), r.many.toFixed(0), (r.many / client.many).toFixed(2), mb(r.heap)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(format(line));
  console.log(`\npeer ÷ client = peer ns / flagops client.evaluate ns (higher is better for flagops). ${CONTEXTS.toLocaleString('en')} contexts, median of 5 rounds after 2 warm-up rounds.`);
  console.log(`heap = JS heap + ArrayBuffers retained after loading ${MANY.toLocaleString('en')} flags from the SDK's native document, after full GCs; median of ${HEAP_RUNS} loads. flagops prepares every flag at load (nothing is deferred to the first evaluation).`);
  summarize(rows);
  for (const r of rows) console.log(`- ${r.subject.name}: ${r.subject.note}`);
}

function summarize(rows: Row[]): void {
  const ours = rows.filter((r) => OURS.includes(r.subject));
  const peers = rows.filter((r) => !OURS.includes(r.subject));
  const best = (key: 'five' | 'many' | 'heap') => peers.reduce((a, b) => ((b[key] ?? Infinity) < (a[key] ?? Infinity) ? b : a));
  for (const [key, label] of [['five', '5 flags'], ['many', '1 of 10k']] as const) {
    const peer = best(key);
    const ratios = ours.map((r) => `${r.subject.name} ${(peer[key] / r[key]).toFixed(1)}×`).join(', ');
    console.log(`\nfastest peer (${label}): ${peer.subject.name} ${peer[key].toFixed(0)} ns; flagops is faster by ${ratios} (goal ≥ 3×)`);
  }
  const lean = best('heap');
  const heaps = ours.filter((r) => r.heap !== undefined).map((r) => `${r.subject.name} ${mb(r.heap)} MB (${(r.heap! / lean.heap!).toFixed(2)}×)`).join(', ');
  console.log(`leanest peer: ${lean.subject.name} ${mb(lean.heap)} MB; flagops ${heaps} (goal ≤ 1×)\n`);
}
