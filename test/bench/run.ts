/**
 * `npm run bench` (node --expose-gc --import tsx test/bench/run.ts [filter]).
 *
 * Convention: every `test/bench/*.bench.ts` exports `run(): Promise<void> | void`, which measures
 * one area and prints its own section to stdout. This runner imports them in name order and runs
 * them one after the other; a filter argument runs only the files whose name contains it.
 * Benchmarks print figures; they never assert (tests do that).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const dir = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(dir).filter((name) => name.endsWith('.bench.ts') && name.includes(filter)).sort();

if (typeof globalThis.gc !== 'function') console.warn('warning: run with --expose-gc for heap figures');
for (const file of files) {
  const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { run?: () => Promise<void> | void };
  if (typeof module.run !== 'function') {
    console.warn(`${file}: no run() export, skipped`);
    continue;
  }
  console.log(`\n## ${file.replace(/\.bench\.ts$/, '')}\n`);
  await module.run();
}
