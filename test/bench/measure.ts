/** Timing and heap helpers shared by the bench files. */

/**
 * A fresh timing loop per subject (`new Function`), so no subject inherits another's JIT feedback
 * from a shared call site.
 */
function makeLoop(paired: boolean): (evaluate: (spec: unknown, context: unknown) => unknown, specs: unknown[], contexts: unknown[]) => number {
  const body = paired
    ? 'for (let i = 0; i < contexts.length; i++) if (evaluate(specs[i], contexts[i]) !== undefined) sink++;'
    : `for (let i = 0; i < contexts.length; i++) {
         const context = contexts[i];
         for (let j = 0; j < specs.length; j++) if (evaluate(specs[j], context) !== undefined) sink++;
       }`;
  return new Function('evaluate', 'specs', 'contexts', `let sink = 0; ${body} return sink;`) as never;
}

export interface TimingOptions {
  /** Evaluate `specs[i]` on `contexts[i]` only, instead of every spec on every context. */
  paired?: boolean;
  rounds?: number;
  warmup?: number;
}

/**
 * The clock rounds are timed with: the process's CPU time by default, which on a shared machine
 * leaves out the time other processes hold the cores (it still counts every thread of this
 * process, GC helpers included); `BENCH_CLOCK=wall` for wall time.
 */
export const CLOCK = process.env.BENCH_CLOCK === 'wall' ? 'wall' : 'cpu';

function now(): number {
  if (CLOCK === 'wall') return Number(process.hrtime.bigint());
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/** Median ns per evaluation over timed rounds after untimed warm-up rounds. */
export async function timePerEvaluation<S, C>(evaluate: (spec: S, context: C) => unknown, specs: S[], contexts: C[], options: TimingOptions = {}): Promise<number> {
  const { paired = false, rounds = 5, warmup = 2 } = options;
  const loop = makeLoop(paired);
  const evaluations = paired ? contexts.length : specs.length * contexts.length;
  const samples: number[] = [];
  for (let round = 0; round < warmup + rounds; round++) {
    // Between rounds, as a server between requests, pending callbacks run.
    await settle();
    const start = now();
    loop(evaluate as never, specs, contexts);
    const elapsed = now() - start;
    if (round >= warmup) samples.push(elapsed / evaluations);
  }
  return median(samples);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Lets queued callbacks and microtasks (e.g. promises an SDK returned per call) run and be freed. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) for (let i = 0; i < 3; i++) gc();
}

/** What a heap figure counts: the JS heap plus ArrayBuffer contents (typed arrays live outside the heap). */
function used(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Memory retained by what `load` returns: heap and ArrayBuffers after full GCs, minus before. */
export async function retainedHeap<T>(load: () => Promise<T>): Promise<{ value: T; bytes: number }> {
  await settle();
  collect();
  const before = used();
  const value = await load();
  await settle();
  collect();
  return { value, bytes: used() - before };
}
