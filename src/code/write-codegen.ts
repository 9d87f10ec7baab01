import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
import { loadProject } from '../io/project.js';
import type { Diagnostic } from '../core/types.js';
import { generateFlagTypes } from './codegen.js';

export interface CodegenRunOptions {
  cwd: string;
  /** Flags folder, relative to cwd. */
  dir: string;
  /** The TypeScript file to write, relative to cwd. */
  out: string;
  /** Only compare: report whether the file is up to date, write nothing. */
  check?: boolean;
}

export interface CodegenRun {
  out: string;
  keys: string[];
  /** `written`, `unchanged`, `stale` (with --check: the file differs), or `failed` (see diagnostics). */
  outcome: 'written' | 'unchanged' | 'stale' | 'failed';
  diagnostics: Diagnostic[];
}

/** Generates the flag types for a flags folder and writes them (atomically) unless unchanged. */
export async function runCodegen(options: CodegenRunOptions): Promise<CodegenRun> {
  const project = await loadProject(options.dir, { cwd: options.cwd });
  const command = `npx flags codegen --out ${options.out}${options.dir === 'flags' ? '' : ` --dir ${options.dir}`}`;
  const result = generateFlagTypes(project, { command });
  const base = { out: options.out, keys: result.keys, diagnostics: result.diagnostics };
  if (result.diagnostics.length > 0) return { ...base, outcome: 'failed' };
  const file = path.resolve(options.cwd, options.out);
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing === result.text) return { ...base, outcome: 'unchanged' };
  if (options.check) return { ...base, outcome: 'stale' };
  await writeFileAtomic(file, result.text);
  return { ...base, outcome: 'written' };
}
