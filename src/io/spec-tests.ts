import { compileAll } from '../core/check/compile-all.js';
import { ConfigError } from '../core/errors.js';
import { lintProject } from '../core/lint/index.js';
import { runSpecTests, type SpecResult } from '../core/spec-tests/index.js';
import type { Diagnostic } from '../core/types.js';
import { loadProject } from './project.js';

export interface TestOptions {
  cwd: string;
  dir?: string;
  /** Only the specs (cases, distributions) of this environment. */
  env?: string;
}

export interface TestResult {
  results: SpecResult[];
  /** Lint errors (nothing ran), spec problems and failures. */
  diagnostics: Diagnostic[];
  files: number;
}

/** `flags test` without the printing: lint, compile every environment in memory, run the specs. */
export async function testFlags(options: TestOptions): Promise<TestResult> {
  const project = await loadProject(options.dir ?? 'flags', { cwd: options.cwd, invalidConfig: 'report' });
  if (options.env && !project.config.environments.includes(options.env)) {
    throw new ConfigError(`unknown environment "${options.env}"`, { hint: `${project.dir}/flagops.yaml declares: ${project.config.environments.join(', ')}.` });
  }
  const lint = lintProject(project, { specs: false }).filter((d) => d.severity === 'error');
  if (lint.length > 0) return { results: [], diagnostics: lint, files: project.tests.length };
  const { bundles, diagnostics } = compileAll(project);
  if (diagnostics.length > 0) return { results: [], diagnostics, files: project.tests.length };
  const chosen = options.env ? { [options.env]: bundles[options.env]! } : bundles;
  const report = runSpecTests(project, chosen);
  const skipped = (d: Diagnostic) => options.env !== undefined && d.code === 'FT003';
  return { results: report.results, diagnostics: report.diagnostics.filter((d) => !skipped(d)), files: project.tests.length };
}
