import { checkChanges, type CheckReport, type CodeReference } from '../core/check/index.js';
import { pairFlags } from '../core/check/pairs.js';
import { parseProject, type ParsedProject } from '../core/project.js';
import { readBaseRevision } from '../git/base-revision.js';
import { readPullRequestContext, type PullRequestContext } from '../git/pull-request-context.js';
import { readPopulation } from './population.js';
import { loadProject } from './project.js';

export interface CheckOptions {
  cwd: string;
  /** The flags folder; default `flags`. */
  dir?: string;
  /** Base ref; default `origin/$GITHUB_BASE_REF`, else origin's default branch. */
  base?: string;
  /** JSON-lines file of contexts for the blast radius. */
  population?: string;
  /** Pull request number, when not in the event payload. */
  pr?: number;
  /** Environment variables (GITHUB_*); default `process.env`. */
  env?: Record<string, string | undefined>;
  /** `YYYY-MM-DD`; default today (UTC). */
  today?: string;
}

export interface CheckResult {
  report: CheckReport;
  base: { ref: string; sha: string };
  pullRequest: PullRequestContext;
  /** The parsed head, for callers that go on (e.g. to comment through the forge). */
  project: ParsedProject;
}

/**
 * `flags check` without the printing: reads HEAD's flags folder and the base revision's, the
 * pull request's labels, the population and (only when a flag goes away) the code references.
 */
export async function checkPullRequest(options: CheckOptions): Promise<CheckResult> {
  const env = options.env ?? process.env;
  const dir = options.dir ?? 'flags';
  const head = await loadProject(dir, { cwd: options.cwd, invalidConfig: 'report' });
  const [baseRevision, pullRequest, population] = await Promise.all([
    readBaseRevision(options.cwd, head.dir, { base: options.base, env }),
    readPullRequestContext(env, options.pr),
    options.population ? readPopulation(options.population, options.cwd) : Promise.resolve(undefined),
  ]);
  const base = baseRevision.files ? parseProject(baseRevision.files) : undefined;
  const references = await referencesIfNeeded(options.cwd, base, head);
  const report = checkChanges({
    head,
    base,
    references,
    labels: pullRequest.labels,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    population,
  });
  return { report, base: { ref: baseRevision.ref, sha: baseRevision.sha }, pullRequest, project: head };
}

/** The code scan costs seconds on big repositories; only a removed or renamed flag needs it. */
async function referencesIfNeeded(cwd: string, base: ParsedProject | undefined, head: ParsedProject): Promise<CodeReference[]> {
  const goes = pairFlags(base, head).some((p) => !p.after || p.renamedFrom);
  if (!goes) return [];
  // Loaded on demand: the scanner pulls in the TypeScript compiler.
  const { findReferences } = await import('../code/references.js');
  const { references } = await findReferences({ cwd, code: head.config.code });
  return references.map((r) => ({ key: r.key, file: r.file, line: r.line }));
}
