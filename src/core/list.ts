import type { ParsedProject } from './project.js';
import type { Diagnostic } from './types.js';
import { isObject } from './project.js';

export interface EnvironmentState {
  environment: string;
  /** `killed`, `rollout`, or the variation everyone else gets (`on`, `off`, `treatment`…). */
  state: string;
  /** Rollout percentages by variation, when the default is a split. */
  rollout?: Record<string, number>;
  /** Targeting rules ahead of the default. */
  rules: number;
  /** False when the flag does not mention the environment (it serves its killVariation there). */
  configured: boolean;
}

export interface FlagListing {
  key: string;
  file: string;
  kind?: string;
  owner?: string;
  expires?: string;
  expired: boolean;
  environments: EnvironmentState[];
  /** `YYYY-MM-DD` of the file's first commit, when git history was read. */
  createdAt?: string;
  ageDays?: number;
}

/** One row per flag (sorted by key), one state per configured environment (or just `env`). */
export function listFlags(project: ParsedProject, options: { env?: string; today?: string } = {}): FlagListing[] {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const configured: unknown = project.config.environments;
  const environments = options.env ? [options.env] : Array.isArray(configured) ? configured.filter((e): e is string => typeof e === 'string') : [];
  const rows: FlagListing[] = [];
  for (const file of project.flags) {
    const doc: unknown = file.value;
    if (!isObject(doc) || typeof doc.key !== 'string') continue;
    const expires = typeof doc.expires === 'string' ? doc.expires : undefined;
    rows.push({
      key: doc.key,
      file: file.file,
      kind: text(doc.kind),
      owner: text(doc.owner),
      expires,
      expired: expires !== undefined && expires < today,
      environments: environments.map((env) => environmentState(doc, env)),
    });
  }
  return rows.sort((a, b) => a.key.localeCompare(b.key));
}

function environmentState(doc: Record<string, unknown>, environment: string): EnvironmentState {
  const env = isObject(doc.environments) ? doc.environments[environment] : undefined;
  if (!isObject(env)) return { environment, state: killVariation(doc), rules: 0, configured: false };
  const rules = Array.isArray(env.rules) ? env.rules.length : 0;
  if (env.killed === true) return { environment, state: 'killed', rules, configured: true };
  const serve = env.default;
  if (isObject(serve) && isObject(serve.rollout)) {
    const rollout = Object.fromEntries(Object.entries(serve.rollout).filter((e): e is [string, number] => typeof e[1] === 'number'));
    return { environment, state: 'rollout', rollout, rules, configured: true };
  }
  return { environment, state: typeof serve === 'string' ? serve : '?', rules, configured: true };
}

/** The variation served when killed: `killVariation`, else `off`, else the first declared. */
function killVariation(doc: Record<string, unknown>): string {
  if (typeof doc.killVariation === 'string') return doc.killVariation;
  const names = isObject(doc.variations) ? Object.keys(doc.variations) : ['on', 'off'];
  return names.includes('off') ? 'off' : (names[0] ?? 'off');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The flag files `listFlags` cannot show (unparsable YAML, no key): a list that silently left a
 * flag out would tell an on-call engineer it does not exist.
 */
export function unlistedFlags(project: ParsedProject): Diagnostic[] {
  return project.flags.flatMap((file): Diagnostic[] => {
    const doc: unknown = file.value;
    if (isObject(doc) && typeof doc.key === 'string') return [];
    const errors = file.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) return errors;
    return [{
      code: 'FF007', severity: 'error', file: file.file, line: 1, col: 1,
      message: 'not listed: the file does not declare a flag `key`',
      hint: 'Run `flags lint` for every problem of the file.',
    }];
  });
}
