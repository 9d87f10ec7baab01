/**
 * Reference scan speed: a generated codebase of 5,000 TypeScript files (≥ 500,000 lines, 3% of
 * files reading flags, literally or through imported constants) scanned by `findReferences`,
 * against `grep -rn` for the key names over the same tree and against parsing every file with
 * ts-morph. Goal: within 3× of grep, with AST-exact results: the scan must find exactly the
 * references the generator wrote. ts-morph's module load is measured apart and not included.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Project } from 'ts-morph';
import { findReferences } from '../../src/code/references.js';
import { resolveConfig } from '../../src/core/config.js';

const FILES = 5_000;
const KEYS = Array.from({ length: 50 }, (_, i) => `bench-flag-${i}`);
const READ_EVERY = 33;
const RUNS = 7;

function constName(i: number): string {
  return `BENCH_FLAG_${i}`;
}

function filler(i: number, n: number): string {
  return [
    `export interface Record${i}_${n} {`,
    '  id: string;',
    '  amount: number;',
    '  tags: string[];',
    '}',
    '',
    `export function total${i}_${n}(items: Record${i}_${n}[]): number {`,
    '  let sum = 0;',
    '  for (const item of items) {',
    '    if (item.tags.includes("skip")) continue;',
    '    sum += item.amount;',
    '  }',
    '  return Math.round(sum * 100) / 100;',
    '}',
    '',
  ].join('\n');
}

function sourceFile(i: number): string {
  const reads = i % READ_EVERY === 0;
  const key = i % KEYS.length;
  const head = reads
    ? [
        "import type { Client } from '../client.js';",
        `import { ${constName(key)} } from '../flags/keys.js';`,
        '',
        `export function decide${i}(client: Client, ctx: { userId: string }): string {`,
        `  if (client.isEnabled('${KEYS[(key + 1) % KEYS.length]}', ctx, false)) return 'literal';`,
        `  return client.isEnabled(${constName(key)}, ctx, false) ? 'constant' : 'off';`,
        '}',
        '',
      ]
    : [`// module ${i}`, ''];
  const body = Array.from({ length: 7 }, (_, n) => filler(i, n));
  return `${head.join('\n')}\n${body.join('\n')}`;
}

async function generate(root: string): Promise<{ lines: number; readers: number }> {
  await mkdir(path.join(root, 'src/flags'), { recursive: true });
  await writeFile(path.join(root, 'src/client.ts'), 'export interface Client { isEnabled(key: string, ctx: object, d: boolean): boolean }\n');
  await writeFile(path.join(root, 'src/flags/keys.ts'), KEYS.map((k, i) => `export const ${constName(i)} = '${k}';`).join('\n') + '\n');
  let lines = 0;
  let readers = 0;
  for (let start = 0; start < FILES; start += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, FILES - start) }, async (_, j) => {
        const i = start + j;
        const dir = path.join(root, 'src', `m${i % 50}`);
        await mkdir(dir, { recursive: true });
        const text = sourceFile(i);
        lines += text.split('\n').length;
        if (i % READ_EVERY === 0) readers++;
        await writeFile(path.join(dir, `file-${i}.ts`), text);
      }),
    );
  }
  return { lines, readers };
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Every reference the generator wrote, as `key@file:line:col`: the scan must find exactly these. */
function expectedReferences(): Set<string> {
  const expected = new Set<string>();
  for (let i = 0; i < FILES; i += READ_EVERY) {
    const key = i % KEYS.length;
    const file = `src/m${i % 50}/file-${i}.ts`;
    expected.add(`${KEYS[(key + 1) % KEYS.length]}@${file}:5:${'  if (client.isEnabled('.length + 1}`);
    expected.add(`${KEYS[key]}@${file}:6:${'  return client.isEnabled('.length + 1}`);
  }
  return expected;
}

/** CPU time (user + system) of one `grep` run, from the shell's accounting of its children. */
function grepCpuMs(args: string[], cwd: string): number {
  const out = spawnSync('bash', ['-c', 'grep "$@" > /dev/null; times', 'bash', ...args], { cwd }).stdout.toString().trim().split('\n');
  const seconds = [...(out[1] ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return (seconds[0]! + seconds[1]!) * 1000;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** A one-off per process, paid by a cold `flags stale`; the scan figures below exclude it. */
function tsMorphLoadMs(): number {
  const script = 'const t = performance.now(); await import("ts-morph"); console.log(performance.now() - t);';
  const runs = Array.from({ length: 3 }, () => Number(spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd() }).stdout.toString()));
  return median(runs);
}

export async function run(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'flagops-bench-stale-'));
  try {
    const { lines, readers } = await generate(root);
    const code = resolveConfig({ code: { include: ['src/**/*.ts'] } }).code;
    const grepArgs = ['-rn', '-F', ...KEYS.flatMap((k) => ['-e', k]), 'src'];
    const greps = [];
    const scans = [];
    const grepCpu: number[] = [];
    const scanCpu: number[] = [];
    // The first scan in a process pays for compiling the scanner, as a one-shot `flags stale` does.
    const cold = await timeAsync(() => findReferences({ cwd: root, code }));
    await findReferences({ cwd: root, code });
    // Interleaved, so a busy machine weighs on both alike.
    for (let r = 0; r < RUNS; r++) {
      greps.push(time(() => spawnSync('grep', grepArgs, { cwd: root, maxBuffer: 1 << 28 })));
      const before = cpuMs();
      scans.push(await timeAsync(() => findReferences({ cwd: root, code })));
      scanCpu.push(cpuMs() - before);
      grepCpu.push(grepCpuMs(grepArgs, root));
    }
    const parseAll = time(() => {
      const project = new Project({ useInMemoryFileSystem: false, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
      project.addSourceFilesAtPaths(path.join(root, 'src/**/*.ts'));
      return project.getSourceFiles().length;
    });
    const grepMs = median(greps.map((g) => g.ms));
    const scanMs = median(scans.map((s) => s.ms));
    const report = scans[scans.length - 1]!.value;
    const grepHits = greps[0]!.value.stdout.toString().split('\n').filter(Boolean).length;
    const expected = expectedReferences();
    const found = new Set(report.references.map((r) => `${r.key}@${r.file}:${r.line}:${r.col}`));
    const hits = [...found].filter((r) => expected.has(r)).length;
    const stages = Object.entries(report.stats.stages).map(([stage, ms]) => `${stage} ${ms.toFixed(0)}`).join(', ');
    console.log(`codebase: ${FILES + 2} files, ${lines.toLocaleString('en')} lines, ${readers} files read flags`);
    console.log(`grep -rn (50 keys, median of 7):  ${grepMs.toFixed(0)} ms, ${grepHits} matching lines (includes the constants file, misses nothing a text match can see)`);
    console.log(`findReferences (median of 7):    ${scanMs.toFixed(0)} ms after one warm-up run, ${report.references.length} references, ${report.dynamic.length} dynamic; ${report.stats.candidates} candidates, ${report.stats.parsed} files parsed`);
    console.log(`  first run in the process:     ${cold.ms.toFixed(0)} ms (stages ${Object.entries(cold.value.stats.stages).map(([stage, ms]) => `${stage} ${ms.toFixed(0)}`).join(', ')})`);
    console.log(`  stages (last run, ms):        ${stages}; every run: ${scans.map((s) => s.ms.toFixed(0)).join(", ")}`);
    console.log(`  exactness vs the generator:   recall ${(hits / expected.size * 100).toFixed(1)}%, precision ${(hits / Math.max(found.size, 1) * 100).toFixed(1)}% (${expected.size} written)`);
    console.log(`ts-morph module load:            ${tsMorphLoadMs().toFixed(0)} ms once per process, NOT included above (loaded before the timed runs)`);
    console.log(`ts-morph parse of every file:    ${parseAll.ms.toFixed(0)} ms (${parseAll.value} files)`);
    console.log(`ratio scan / grep:  ${(scanMs / grepMs).toFixed(2)}× wall clock (goal ≤ 3×); CPU time ${median(scanCpu).toFixed(0)} / ${median(grepCpu).toFixed(0)} ms = ${(median(scanCpu) / median(grepCpu)).toFixed(2)}× (less sensitive to a busy machine); first run ${(cold.ms / grepMs).toFixed(2)}×`);
    console.log(`ratio parse-all / scan: ${(parseAll.ms / scanMs).toFixed(1)}× faster than parsing everything`);
  } finally {
    if (!process.env.KEEP_BENCH) await rm(root, { recursive: true, force: true }); else console.log(root);
  }
}
