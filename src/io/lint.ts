import { lintProject, type LintOptions } from '../core/lint/index.js';
import type { Diagnostic } from '../core/types.js';
import { loadProject } from './project.js';

export interface LintResult {
  diagnostics: Diagnostic[];
  /** Files read: config, flags, segments and tests. */
  files: number;
}

/** Reads a flags folder and lints it: `flags lint` without the printing. */
export async function lintDir(dir = 'flags', options: { cwd?: string } & LintOptions = {}): Promise<LintResult> {
  const project = await loadProject(dir, { cwd: options.cwd, invalidConfig: 'report' });
  const files = (project.configFile ? 1 : 0) + project.flags.length + project.segments.length + project.tests.length;
  return { diagnostics: lintProject(project, { today: options.today }), files };
}
