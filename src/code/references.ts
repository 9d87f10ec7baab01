import type { Config } from '../core/config.js';
import type { DynamicReference, FlagReference } from '../core/stale/types.js';
import { resolveWithChecker } from './checker-program.js';
import type { KeyResolution } from './key-resolver.js';
import { listCodeFiles, prefilterFiles, prefilterPattern, type CodeFile } from './prefilter.js';
import { moduleStore } from './module-store.js';
import { collectReads, locateReads, type ReadPatterns, type ScanResult } from './scan.js';
import { createStaticResolver } from './static-keys.js';
import { scanTokens } from './token-scan.js';

export type { DynamicReference, FlagReference } from '../core/stale/types.js';
export { scriptKind } from './scan.js';
export { isGeneratedText } from './module-store.js';

export interface FindReferencesOptions {
  /** The project root the config's globs are relative to; default `process.cwd()`. */
  cwd?: string;
  /** `config.code`: globs, call names, JSX components. */
  code: Config['code'];
  /** Called as files are parsed, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** Milliseconds per stage of a scan. */
export interface ScanStages {
  /** Expanding the globs. */
  list: number;
  /** Reading every file and the text test. */
  prefilter: number;
  /** Parsing candidates (and the files defining their constants), resolving keys from syntax. */
  syntax: number;
  /** The type-checked program for reads syntax could not resolve; 0 when none needed it. */
  checker: number;
}

export interface ReferenceReport {
  references: FlagReference[];
  dynamic: DynamicReference[];
  stats: { files: number; candidates: number; parsed: number; ms: number; stages: ScanStages };
}

/** A scan's report plus the files it read, for the codemod to reuse. */
export interface CodeScan extends ReferenceReport {
  files: Map<string, CodeFile>;
}

/**
 * Finds every flag read in the code the config selects, exactly: a text prefilter picks candidate
 * files, candidates are parsed, keys are resolved from syntax (literals, constants, enums, `as
 * const` objects, followed across imports), and only the files holding a read syntax cannot
 * resolve go through a type checker.
 *
 * @example
 * const { references, dynamic } = await findReferences({ cwd, code: project.config.code });
 */
export async function findReferences(options: FindReferencesOptions): Promise<ReferenceReport> {
  const { files: _files, ...report } = await scanCode(options);
  return report;
}

export async function scanCode(options: FindReferencesOptions): Promise<CodeScan> {
  const clock = stageClock();
  const cwd = options.cwd ?? process.cwd();
  const { code } = options;
  const paths = await listCodeFiles(cwd, code.include, code.exclude);
  clock.lap('list');
  const pattern = prefilterPattern({ calls: code.calls, jsxComponents: code.jsx.map((j) => j.component), accessors: [] });
  const pre = prefilterFiles(cwd, paths, pattern);
  clock.lap('prefilter');
  const files = new Map(pre.files.map((f) => [f.path, f]));
  const modules = moduleStore(cwd, files);
  const patterns: ReadPatterns = { calls: new Set(code.calls), jsx: new Map(code.jsx.map((j) => [j.component, j.attribute])) };
  const found: ScanResult = { references: [], dynamic: [] };
  const typed: CodeFile[] = [];
  const resolveStatic = createStaticResolver(modules);
  for (const [index, file] of pre.candidates.entries()) {
    const quick = scanTokens(file, patterns.calls, resolveStatic);
    if (quick) merge(found, quick);
    else if (!scanTree(file)) typed.push(file);
    options.onProgress?.(index + 1, pre.candidates.length);
  }
  clock.lap('syntax');

  /** Parses the file and resolves its reads from syntax; false when one needs the checker. */
  function scanTree(file: CodeFile): boolean {
    const sf = modules.parse(file.path)!;
    const reads = collectReads(sf, patterns);
    const keys = new Map(reads.map((r) => [r.keyExpr, resolveStatic.expression(r.keyExpr, file.path)]));
    if ([...keys.values()].includes(undefined)) return false;
    merge(found, locateReads(sf, file.path, reads, (expr) => keys.get(expr) as KeyResolution));
    return true;
  }
  let parsed = modules.parsed();
  if (typed.length > 0) {
    const checked = resolveWithChecker({ roots: typed, importTarget: modules.importTarget, patterns, isGenerated: modules.isGeneratedAbsolute });
    merge(found, checked);
    parsed += checked.parsed;
  }
  clock.lap('checker');
  found.references.sort(byPlace);
  found.dynamic.sort(byPlace);
  const stats = { files: pre.files.length, candidates: pre.candidates.length, parsed, ms: clock.total(), stages: clock.stages };
  return { ...found, stats, files };
}

function stageClock() {
  const started = performance.now();
  let last = started;
  const stages: ScanStages = { list: 0, prefilter: 0, syntax: 0, checker: 0 };
  return {
    stages,
    lap(stage: keyof ScanStages): number {
      const now = performance.now();
      stages[stage] = Math.round((now - last) * 10) / 10;
      last = now;
      return stages[stage];
    },
    total: () => Math.round(performance.now() - started),
  };
}

function merge(into: ScanResult, from: ScanResult): void {
  into.references.push(...from.references);
  into.dynamic.push(...from.dynamic);
}

// The order `localeCompare` gives, without building a collator per comparison.
const collator = new Intl.Collator();

function byPlace(a: { file: string; line: number; col: number }, b: { file: string; line: number; col: number }): number {
  return (a.file === b.file ? 0 : collator.compare(a.file, b.file)) || a.line - b.line || a.col - b.col;
}
