import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import type { Config } from '../core/config.js';
import type { DynamicReference, FlagReference } from '../core/stale/types.js';
import { buildPrefilter, codeFile, listCodeFiles, prefilterFiles, relativeImports, resolveRelative, type CodeFile } from './prefilter.js';
import { collectReads, locateReads, needsChecker, type ReadPatterns } from './scan.js';

export type { DynamicReference, FlagReference } from '../core/stale/types.js';

export interface FindReferencesOptions {
  /** The project root the config's globs are relative to; default `process.cwd()`. */
  cwd?: string;
  /** `config.code`: globs, call names, JSX components. */
  code: Config['code'];
  /** Called as files are parsed, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface ReferenceReport {
  references: FlagReference[];
  dynamic: DynamicReference[];
  stats: { files: number; candidates: number; parsed: number; ms: number };
}

/** A scan's report plus the files it read, for the codemod to reuse. */
export interface CodeScan extends ReferenceReport {
  files: Map<string, CodeFile>;
}

/**
 * Finds every flag read in the code the config selects, exactly: a text prefilter picks candidate
 * files, candidates are parsed, and only reads whose key is not a literal go through a type
 * checker built over the candidates and the files they import.
 *
 * @example
 * const { references, dynamic } = await findReferences({ cwd, code: project.config.code });
 */
export async function findReferences(options: FindReferencesOptions): Promise<ReferenceReport> {
  const { files: _files, ...report } = await scanCode(options);
  return report;
}

export async function scanCode(options: FindReferencesOptions): Promise<CodeScan> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const { code } = options;
  const names = { calls: code.calls, jsxComponents: code.jsx.map((j) => j.component), accessors: [] };
  const needles = [...names.calls, ...names.jsxComponents.map((c) => `<${c}`)];
  const pre = prefilterFiles(cwd, await listCodeFiles(cwd, code.include, code.exclude), needles, isGeneratedText);
  const list = pre.files;
  const files = new Map(list.map((f) => [f.path, f]));
  const generated = pre.generated;
  const patterns: ReadPatterns = { calls: new Set(code.calls), jsx: new Map(code.jsx.map((j) => [j.component, j.attribute])) };
  const accepts = buildPrefilter(names);
  const candidates = pre.candidates.filter((f) => accepts(f.text));
  const references: FlagReference[] = [];
  const dynamic: DynamicReference[] = [];
  const typed: CodeFile[] = [];
  const isGenerated = (file: string) => generated.has(file);
  for (const [index, file] of candidates.entries()) {
    const sf = ts.createSourceFile(file.absolute, file.text, ts.ScriptTarget.Latest, true, scriptKind(file.path));
    const reads = collectReads(sf, patterns);
    if (needsChecker(reads)) typed.push(file);
    else push(locateReads(sf, file.path, reads, undefined, isGenerated));
    options.onProgress?.(index + 1, candidates.length);
  }
  let parsed = candidates.length;
  if (typed.length > 0) {
    const program = buildProgram(typed, files, cwd);
    parsed += program.getSourceFiles().length - typed.length;
    const checker = program.getTypeChecker();
    for (const file of typed) {
      const sf = program.getSourceFile(file.absolute)!;
      push(locateReads(sf, file.path, collectReads(sf, patterns), checker, isGenerated));
    }
  }
  references.sort(byPlace);
  dynamic.sort(byPlace);
  const stats = { files: list.length, candidates: candidates.length, parsed, ms: Math.round(performance.now() - started) };
  return { references, dynamic, stats, files };

  function push(result: { references: FlagReference[]; dynamic: DynamicReference[] }): void {
    references.push(...result.references);
    dynamic.push(...result.dynamic);
  }
}

/** A program over `roots` and what they import (relative imports, a few levels deep), no lib files. */
function buildProgram(roots: CodeFile[], files: Map<string, CodeFile>, cwd: string): ts.Program {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: {
      allowJs: true, noLib: true, noResolve: false, types: [], jsx: ts.JsxEmit.Preserve,
      module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022,
    },
  });
  const added = new Set<string>();
  let level: CodeFile[] = roots;
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const next: CodeFile[] = [];
    for (const file of level) {
      if (added.has(file.path)) continue;
      added.add(file.path);
      project.createSourceFile(file.absolute, file.text, { overwrite: true, scriptKind: scriptKind(file.path) });
      for (const spec of relativeImports(file.text)) {
        const target = resolveImport(file.path, spec, files, cwd);
        if (target && !added.has(target.path)) next.push(target);
      }
    }
    level = next;
  }
  return project.getProgram().compilerObject;
}

function resolveImport(from: string, spec: string, files: Map<string, CodeFile>, cwd: string): CodeFile | undefined {
  const onDisk = (p: string) => files.has(p) || existsSync(path.resolve(cwd, p));
  const target = resolveRelative(from, spec, onDisk);
  if (!target) return undefined;
  const known = files.get(target);
  if (known) return known;
  const absolute = path.resolve(cwd, target);
  const file = codeFile(target, absolute, readFileSync(absolute));
  files.set(target, file);
  return file;
}

const GENERATED = /generated by\W+flags codegen/i;

/** Files written by `flags codegen` say so in their first line. */
export function isGeneratedText(text: string): boolean {
  return GENERATED.test(text.slice(0, 300).split('\n')[0] ?? '');
}

export function scriptKind(file: string): ts.ScriptKind {
  const ext = path.extname(file);
  if (ext === '.tsx') return ts.ScriptKind.TSX;
  if (ext === '.jsx') return ts.ScriptKind.JSX;
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs') return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function byPlace(a: { file: string; line: number; col: number }, b: { file: string; line: number; col: number }): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col;
}
