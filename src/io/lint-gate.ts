import { lintProject } from '../core/lint/index.js';
import type { ParsedProject } from '../core/project.js';
import type { Diagnostic } from '../core/types.js';

/** The findings that decide whether a project may be compiled: any error refuses. */
export function lintForCompile(project: ParsedProject): Diagnostic[] {
  return lintProject(project);
}
