/**
 * Evaluation speed and memory, side by side with peer SDKs, each in its own native format:
 * the five example flags over 100,000 generated contexts, a random flag out of 10,000, and the
 * heap retained after loading 10,000 flags.
 */
import { retainedHeap, timePerEvaluation } from './measure.js';
import { featurevisor } from './peers/featurevisor.js';
import { flagd } from './peers/flagd.js';
import { flagopsEvaluate, flagopsValue } from './peers/flagops.js';
import { growthbook } from './peers/growthbook.js';
import { launchdarkly } from './peers/launchdarkly.js';
import type { Subject } from './peers/types.js';
import { unleash } from './peers/unleash.js';
import { EXAMPLE_FLAGS, type FlagSpec, generateContexts, generateFlags, random } from './specs.js';

const CONTEXTS = 100_000;
const MANY = 10_000;
const SUBJECTS: Subject[] = [flagopsEvaluate, flagopsValue, flagd, growthbook, featurevisor, launchdarkly, unleash];

interface Row { subject: Subject; five: number; many: number; heap: number }

async function measure(subject: Subject, contexts: ReturnType<typeof generateContexts>, many: FlagSpec[], picks: FlagSpec[]): Promise<Row> {
  const small = await subject.load(subject.serialize(EXAMPLE_FLAGS));
  const five = await timePerEvaluation(small.evaluate, EXAMPLE_FLAGS, small.contexts(contexts));
  await small.close();
  const text = subject.serialize(many);
  const { value: big, bytes } = await retainedHeap(() => subject.load(text));
  const manyNs = await timePerEvaluation(big.evaluate, picks, big.contexts(contexts), { paired: true });
  await big.close();
  return { subject, five, many: manyNs, heap: bytes };
}

export async function run(): Promise<void> {
  const contexts = generateContexts(CONTEXTS);
  const many = generateFlags(MANY);
  const rng = random(3);
  const picks = contexts.map(() => many[Math.floor(rng() * many.length)] as FlagSpec);
  const rows: Row[] = [];
  for (const subject of SUBJECTS) {
    process.stdout.write(`measuring ${subject.name}…\n`);
    rows.push(await measure(subject, contexts, many, picks));
  }
  print(rows);
}

function print(rows: Row[]): void {
  const ours = rows[0] as Row;
  const header = ['SDK', 'ns/eval (5 flags)', '× ours', 'ns/eval (1 of 10k)', '× ours', 'heap MB (10k flags)'];
  const lines = rows.map((r) => [r.subject.name, r.five.toFixed(0), (r.five / ours.five).toFixed(2), r.many.toFixed(0), (r.many / ours.many).toFixed(2), (r.heap / 1e6).toFixed(2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(format(line));
  console.log(`\n× ours = peer ns / flagops evaluate ns (higher is better for flagops). ${CONTEXTS.toLocaleString('en')} contexts, median of 5 rounds after 2 warm-up rounds.`);
  for (const r of rows) console.log(`- ${r.subject.name}: ${r.subject.note}`);
}
