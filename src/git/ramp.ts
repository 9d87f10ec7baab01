import { setRollout, type RampEdit } from '../core/edit/index.js';
import { UsageError } from '../core/errors.js';
import { unifiedDiff } from '../core/text-diff.js';
import type { ChangeBuilder } from './change.js';
import { commitAndPush } from './direct.js';
import { locateFlag, requireText, type FlagLocation } from './flag-file.js';
import { forgeFor } from './forge-context.js';
import { proposeChange } from './propose.js';
import { describeRampSpecs, rampSpecs, type RampSpecChange, type RampSpecs } from './ramp-specs.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface RampFlagOptions {
  cwd: string;
  dir?: string;
  key: string;
  percent: number;
  /** Default: the config's first environment. */
  env?: string;
  variation?: string;
  force?: boolean;
  unkill?: boolean;
  /** `pr` (default): a pull request; `direct`: commit and push to the current branch; `dry-run`: only the diff. */
  mode?: 'pr' | 'direct' | 'dry-run';
  /** Where GITHUB_TOKEN etc. are read; default process.env. */
  processEnv?: Record<string, string | undefined>;
}

export interface RampFlagResult {
  key: string;
  env: string;
  file: string;
  mode: 'pr' | 'direct' | 'dry-run';
  changed: boolean;
  description: string;
  from: number;
  to: number;
  /** The unified diff of the flag and the spec files (always for dry-run). */
  diff: string;
  /** Distribution specs of the flag in `env`: updated with it, or left as written and now failing. */
  specs: RampSpecs;
  commit?: string;
  branch?: string;
  pr?: { number: number; url: string; status: 'created' | 'updated' };
}

/** Sets a rollout percentage through git: a PR by default, a direct push, or a dry run. */
export async function rampFlag(options: RampFlagOptions): Promise<RampFlagResult> {
  const mode = options.mode ?? 'pr';
  const loc = await locateFlag(options);
  const config = loc.project.config;
  const title = `flags: ramp ${options.key} to ${options.percent}% in ${loc.env}`;
  let edit: RampEdit | undefined;
  let specs: RampSpecChange | undefined;
  let before = '';
  const build = (where: string): ChangeBuilder => async (read) => {
    before = await requireText(read, loc, where);
    edit = setRollout(before, loc.env, options.variation, options.percent, {
      file: loc.file, maxStep: config.policy.maxRampStep, force: options.force, unkill: options.unkill, defaultBucketBy: config.defaults.bucketBy,
    });
    specs = await rampSpecs(read, loc, options.cwd, edit);
    const updates = edit.changed ? [{ path: loc.repoPath, text: edit.text }, ...specs.updates] : [];
    return { updates, title, body: rampBody(options.key, edit, loc, specs) };
  };
  const result = (extra: Partial<RampFlagResult>): RampFlagResult => ({
    key: options.key, env: loc.env, file: loc.file, mode, changed: edit!.changed, description: edit!.description,
    from: edit!.from, to: edit!.to, diff: unifiedDiff(before, edit!.text, loc.repoPath) + specs!.diff,
    specs: { updated: specs!.updated, skipped: specs!.skipped }, ...extra,
  });
  if (mode === 'dry-run') {
    await build('the working tree')((file) => readFile(path.join(loc.repo.root, file), 'utf8').catch(() => undefined));
    return result({});
  }
  if (mode === 'direct') {
    const branch = await loc.repo.currentBranch();
    if (!branch) throw new UsageError('HEAD is detached: --direct pushes to the current branch', { hint: 'Check out a branch first.' });
    const pushed = await commitAndPush({ repo: loc.repo, branch, build: build(`origin/${branch}`) });
    if (pushed.status === 'protected') throw protectedError(branch, pushed.message);
    return result({ branch, commit: pushed.sha, changed: pushed.status === 'pushed' });
  }
  const forge = await forgeFor(loc.repo, config, options.processEnv ?? process.env);
  const branch = `flags/ramp/${options.key}/${loc.env}-${String(options.percent).replace('.', '_')}`;
  const proposed = await proposeChange({ repo: loc.repo, forge, branch, build: build('the default branch'), labels: config.github.labels });
  if (proposed.status === 'no-change') return result({});
  return result({ branch, pr: { number: proposed.pr.number, url: proposed.pr.url, status: proposed.status } });
}

function rampBody(key: string, edit: RampEdit, loc: FlagLocation, specs: RampSpecs): string {
  return [
    `Ramps \`${key}\` in **${loc.env}**: ${edit.description}.`,
    '',
    `File: \`${loc.repoPath}\``,
    ...describeRampSpecs(specs),
    '',
    'Users already in the rollout stay in it: raising a percentage only adds buckets.',
  ].join('\n');
}

function protectedError(branch: string, message: string): UsageError {
  return new UsageError(`origin refused the push to ${branch} (protected branch): ${message.split('\n')[0]}`, {
    hint: 'Drop --direct to open a pull request instead; nothing was changed on origin.',
  });
}
