import path from 'node:path';
import { setKilled, type FlagEdit } from '../core/edit/index.js';
import { FlagsError } from '../core/errors.js';
import { unifiedDiff } from '../core/text-diff.js';
import type { ChangeBuilder } from './change.js';
import { commitAndPush } from './direct.js';
import { locateFlag, requireText, type FlagLocation } from './flag-file.js';
import { forgeFor } from './forge-context.js';
import { proposeChange } from './propose.js';
import { publishAt, type KillPublish } from './kill-publish.js';
import { timed, type Step } from './steps.js';
import { readFile } from 'node:fs/promises';

export interface KillFlagOptions {
  cwd: string;
  dir?: string;
  key: string;
  env?: string;
  reason?: string;
  /** Folder or URL; default the config's `publish.to`. Without one, nothing is published. */
  publishTo?: string;
  /** Private key PEM; default FLAGS_SIGNING_KEY. */
  signingKey?: string;
  keyFile?: string;
  /** Go through a pull request even when the default branch takes direct pushes. */
  viaPullRequest?: boolean;
  dryRun?: boolean;
  processEnv?: Record<string, string | undefined>;
}

export interface KillFlagResult {
  key: string;
  env: string;
  file: string;
  killed: boolean;
  /** `pushed`: committed to the default branch; `pr`: a pull request (protected branch or asked); `unchanged`: already in that state. */
  outcome: 'pushed' | 'pr' | 'unchanged' | 'dry-run';
  description: string;
  diff: string;
  branch?: string;
  commit?: string;
  pr?: { number: number; url: string; status: 'created' | 'updated'; autoMerge: boolean; autoMergeNote?: string };
  /** Why the PR path was taken, when it was a fallback. */
  fallbackReason?: string;
  publish?: KillPublish;
  steps: Step[];
}

/** Kills a flag in one environment: direct commit + push, then compile, sign and publish at once. */
export function killFlag(options: KillFlagOptions): Promise<KillFlagResult> {
  return switchFlag(options, true);
}

/** Clears the kill switch the same way {@link killFlag} sets it. */
export function unkillFlag(options: Omit<KillFlagOptions, 'reason'>): Promise<KillFlagResult> {
  return switchFlag(options, false);
}

async function switchFlag(options: KillFlagOptions, killed: boolean): Promise<KillFlagResult> {
  const steps: Step[] = [];
  const loc = await timed(steps, 'read flags', () => locateFlag(options));
  const verb = killed ? 'kill' : 'unkill';
  const title = `flags: ${verb} ${options.key} in ${loc.env}`;
  let edit: FlagEdit | undefined;
  let before = '';
  const build = (where: string): ChangeBuilder => async (read) => {
    before = await requireText(read, loc, where);
    edit = setKilled(before, loc.env, killed, options.reason, { file: loc.file });
    return { updates: edit.changed ? [{ path: loc.repoPath, text: edit.text }] : [], title, body: `${edit.description}.\n\nFile: \`${loc.repoPath}\`` };
  };
  const base = () => ({ key: options.key, env: loc.env, file: loc.file, killed, description: edit!.description, diff: unifiedDiff(before, edit!.text, loc.repoPath), steps });
  if (options.dryRun) {
    await build('the working tree')(() => readFile(path.resolve(options.cwd, loc.file), 'utf8'));
    return { ...base(), outcome: 'dry-run' };
  }
  const env = options.processEnv ?? process.env;
  if (options.viaPullRequest) return { ...base(), ...(await viaPr(loc, build, steps, env, killed)) };
  const branch = await loc.repo.defaultBranch();
  const pushed = await timed(steps, 'commit + push', () => commitAndPush({ repo: loc.repo, branch, build: build(`origin/${branch}`) }),
    (r) => (r.status === 'pushed' ? `${r.sha.slice(0, 7)} to ${branch}${r.attempts > 1 ? ` after ${r.attempts} attempts` : ''}` : r.status));
  if (pushed.status === 'protected') {
    const pr = await viaPr(loc, build, steps, env, killed);
    return { ...base(), ...pr, fallbackReason: `origin refused the direct push to ${branch}: ${firstLine(pushed.message)}` };
  }
  const result: KillFlagResult = { ...base(), outcome: pushed.status, branch, commit: pushed.sha };
  result.publish = await publishStep(options, loc, pushed.sha, steps, env);
  return result;
}

async function viaPr(loc: FlagLocation, build: (where: string) => ChangeBuilder, steps: Step[], env: Record<string, string | undefined>, killed: boolean) {
  const forge = await forgeFor(loc.repo, loc.project.config, env);
  const branch = `flags/${killed ? 'kill' : 'unkill'}/${path.basename(loc.repoPath).replace(/\.ya?ml$/, '')}/${loc.env}`;
  const labels = [...loc.project.config.github.labels, ...(killed ? ['emergency'] : [])];
  const proposed = await timed(steps, 'pull request', () => proposeChange({ repo: loc.repo, forge, branch, build: build('the default branch'), labels, autoMerge: true }));
  if (proposed.status === 'no-change') return { outcome: 'unchanged' as const, branch };
  const autoMerge = proposed.autoMerge ?? { enabled: false, reason: 'not requested' };
  return {
    outcome: 'pr' as const,
    branch,
    pr: {
      number: proposed.pr.number, url: proposed.pr.url, status: proposed.status, autoMerge: autoMerge.enabled,
      autoMergeNote: autoMerge.enabled ? undefined : `auto-merge could not be enabled (${autoMerge.reason}); labelled "automerge" instead`,
    },
  };
}

async function publishStep(options: KillFlagOptions, loc: FlagLocation, sha: string, steps: Step[], env: Record<string, string | undefined>): Promise<KillPublish> {
  const to = options.publishTo ?? loc.project.config.publish.to;
  const signingKey = options.signingKey ?? env.FLAGS_SIGNING_KEY;
  const keyFile = options.keyFile ?? loc.project.config.signing.privateKeyPath;
  if (!to) return { status: 'skipped', reason: 'no publish target (--publish-to or publish.to)' };
  if (!signingKey && !keyFile) return { status: 'skipped', reason: 'no signing key (FLAGS_SIGNING_KEY or signing.privateKeyPath)' };
  try {
    return await publishAt({ cwd: options.cwd, dir: loc.project.dir, repo: loc.repo, sha, env: loc.env, to, signingKey, keyFile, steps });
  } catch (error) {
    if (!(error instanceof FlagsError)) throw error;
    // Keep the failure's own class: a config or git problem must not read as a usage error.
    const Failure = error.constructor as typeof FlagsError;
    throw new Failure(`the change is committed (${sha.slice(0, 7)}) but publishing failed: ${error.message}`, {
      hint: `${error.hint ?? ''} Then run \`flags compile && flags publish --env ${loc.env}\`, or rerun this command (it is idempotent).`.trim(),
      cause: error,
    });
  }
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => /protected|declined|rejected/i.test(l))?.replace(/^remote:\s*/, '').trim() ?? text.split('\n')[0] ?? '';
}
