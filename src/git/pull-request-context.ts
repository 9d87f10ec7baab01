import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';

/** The pull request a workflow runs for, as GitHub Actions describes it. */
export interface PullRequestContext {
  number?: number;
  /** Label names; undefined when the event did not say. */
  labels?: string[];
}

/**
 * Reads `GITHUB_EVENT_PATH` (the event payload: `pull_request.number`, `.labels`), falling back
 * to `GITHUB_REF=refs/pull/N/merge` for the number. `--pr N` wins over both.
 */
export async function readPullRequestContext(env: Record<string, string | undefined>, pr?: number): Promise<PullRequestContext> {
  const context: PullRequestContext = {};
  const event = env.GITHUB_EVENT_PATH ? await readEvent(env.GITHUB_EVENT_PATH) : undefined;
  const pull = (event?.pull_request ?? undefined) as { number?: unknown; labels?: unknown } | undefined;
  if (pull && typeof pull.number === 'number') context.number = pull.number;
  if (pull && Array.isArray(pull.labels)) context.labels = pull.labels.map((l: unknown) => (typeof l === 'string' ? l : String((l as { name?: unknown })?.name ?? '')));
  const fromRef = /^refs\/pull\/(\d+)\/(merge|head)$/.exec(env.GITHUB_REF ?? '');
  if (context.number === undefined && fromRef) context.number = Number(fromRef[1]);
  if (pr !== undefined) context.number = pr;
  return context;
}

async function readEvent(file: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`GITHUB_EVENT_PATH points at ${file}, which cannot be read`, { hint: 'Unset GITHUB_EVENT_PATH outside GitHub Actions, or pass --pr N.', cause: error });
  }
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch (error) {
    throw new UsageError(`GITHUB_EVENT_PATH (${file}) is not JSON`, { hint: 'Unset GITHUB_EVENT_PATH outside GitHub Actions, or pass --pr N.', cause: error });
  }
}
