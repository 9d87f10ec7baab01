/**
 * Measures one subject of the evaluation bench and prints its figures as a JSON line. The bench
 * runs each subject in a fresh process (node --expose-gc --import tsx evaluate-subject.ts NAME), so
 * none inherits another's heap, garbage or JIT state, and the order they run in does not matter.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, retainedHeap, timePerEvaluation } from './measure.js';
import { subjectNamed } from './peers/index.js';
import type { Loaded, Subject } from './peers/types.js';
import { EXAMPLE_FLAGS, type FlagSpec, generateContexts, generateFlags, random } from './specs.js';

export const CONTEXTS = 100_000;
export const MANY = 10_000;
export const HEAP_RUNS = 3;

export interface Figures {
  /** ns per evaluation of the five example flags. */
  five: number;
  /** ns per evaluation of a random flag out of MANY. */
  many: number;
  /** Bytes retained after loading MANY flags. */
  heap: number;
}

/**
 * Loads MANY flags from the native document (made inside the measurement, so an SDK keeping the
 * text pays for it). A first, unmeasured load leaves out what any first run allocates once
 * (compiled code, inline caches, lazily built module state).
 */
async function loadMany(subject: Subject, many: FlagSpec[]): Promise<{ loaded: Loaded; heap: number }> {
  let loaded: Loaded | undefined = await subject.load(subject.serialize(many));
  const samples: number[] = [];
  for (let run = 0; run < HEAP_RUNS; run++) {
    await loaded?.close();
    loaded = undefined;
    const { value, bytes } = await retainedHeap(() => subject.load(subject.serialize(many)));
    loaded = value;
    samples.push(bytes);
  }
  return { loaded: loaded!, heap: median(samples) };
}

export async function measure(subject: Subject): Promise<Figures> {
  const contexts = generateContexts(CONTEXTS);
  const many = generateFlags(MANY);
  const rng = random(3);
  const picks = contexts.map(() => many[Math.floor(rng() * many.length)] as FlagSpec);
  const small = await subject.load(subject.serialize(EXAMPLE_FLAGS));
  const five = await timePerEvaluation(small.evaluate, EXAMPLE_FLAGS, small.contexts(contexts));
  await small.close();
  const { loaded: big, heap } = await loadMany(subject, many);
  const manyNs = await timePerEvaluation(big.evaluate, picks, big.contexts(contexts), { paired: true });
  await big.close();
  return { five, many: manyNs, heap };
}

const name = process.argv[2];
const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry && name !== undefined) {
  process.stdout.write(`${JSON.stringify(await measure(subjectNamed(name)))}\n`);
  // Some SDKs leave handles open after close(); the figures are out.
  process.exit(0);
}
