import { compileBundle } from '../core/compile/index.js';
import { UsageError } from '../core/errors.js';
import type { Diagnostic } from '../core/types.js';
import { createEvaluator, type Explanation } from '../sdk/evaluate/index.js';
import type { Context } from '../sdk/evaluate/types.js';
import { lintProject } from '../core/lint/index.js';
import { loadProject } from './project.js';

export interface ExplainOptions {
  cwd: string;
  dir?: string;
  key: string;
  /** Default: the first environment of the config. */
  environment?: string;
  context: Context;
}

export interface ExplainResult {
  key: string;
  environment: string;
  /** Absent when lint errors kept the flags from compiling (see `diagnostics`). */
  explanation?: Explanation;
  /** Variation names in declaration order, for renderers. */
  variations?: string[];
  diagnostics: Diagnostic[];
}

/** Compiles the working tree in memory (unsigned) and explains one flag for one context. */
export async function explainFlag(options: ExplainOptions): Promise<ExplainResult> {
  const project = await loadProject(options.dir ?? 'flags', { cwd: options.cwd, invalidConfig: 'report' });
  const environments = project.config.environments;
  const environment = options.environment ?? environments[0] ?? 'production';
  if (!environments.includes(environment)) {
    throw new UsageError(`unknown environment "${environment}"`, { hint: `${project.dir}/flagops.yaml declares: ${environments.join(', ')}.` });
  }
  const diagnostics = lintProject(project, { specs: false });
  if (diagnostics.some((d) => d.severity === 'error')) return { key: options.key, environment, diagnostics };
  const payload = compileBundle(project, environment, { version: 0, issuedAt: '1970-01-01T00:00:00Z', source: 'working-tree', ttlSeconds: 0 });
  const flag = payload.flags[options.key];
  if (!flag || !Object.hasOwn(payload.flags, options.key)) {
    throw new UsageError(`no flag "${options.key}" in ${project.dir}`, { hint: `Flags: ${Object.keys(payload.flags).join(', ') || 'none'}.` });
  }
  const explanation = createEvaluator(payload).explain(options.key, options.context);
  return { key: options.key, environment, explanation, variations: flag.names, diagnostics };
}

/** Parses `--ctx` text; a UsageError pointing at the problem when it is not a JSON object. */
export function parseContext(text: string): Context {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--ctx is not valid JSON: ${(error as Error).message}`, {
      hint: `Quote the object for the shell, e.g. --ctx '{"userId":"u1","plan":"free"}'.`,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError('--ctx must be a JSON object of attributes', { hint: `e.g. --ctx '{"userId":"u1"}'.` });
  }
  return value as Context;
}
