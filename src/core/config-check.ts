import type { ParsedProject } from './project.js';
import { checkSchema } from './schema.js';
import type { Diagnostic } from './types.js';

/**
 * YAML and schema errors of `flagops.yaml`: the problems that make the resolved config (which
 * falls back to defaults where the file says nothing usable) an unsafe thing to act on.
 */
export function configErrors(project: ParsedProject): Diagnostic[] {
  const file = project.configFile;
  if (!file) return [];
  return [...file.diagnostics, ...checkSchema(file, 'config')].filter((d) => d.severity === 'error');
}
