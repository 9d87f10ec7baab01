import path from 'node:path';
import {
  defaultShares, describeMove, formatShares, updateDistributionSpecs, type DistributionSkip, type DistributionUpdate, type RampEdit, type Shares,
} from '../core/edit/index.js';
import { unifiedDiff } from '../core/text-diff.js';
import { toPosix } from '../io/project.js';
import type { FlagLocation } from './flag-file.js';
import type { FileUpdate } from './repo.js';

/** What a ramp did to the assertion specs of `flags/tests/`. */
export interface RampSpecs {
  updated: DistributionUpdate[];
  /** Distributions of the flag that will fail after the ramp; left as written. */
  skipped: DistributionSkip[];
}

export interface RampSpecChange extends RampSpecs {
  updates: FileUpdate[];
  /** Unified diffs of the edited spec files. */
  diff: string;
}

/**
 * Brings the distribution specs of the ramped flag in step with the new rollout, reading each
 * spec file at the same commit as the flag, so the ramp's commit carries both.
 */
export async function rampSpecs(read: (file: string) => Promise<string | undefined>, loc: FlagLocation, cwd: string, edit: RampEdit): Promise<RampSpecChange> {
  const change: RampSpecChange = { updated: [], skipped: [], updates: [], diff: '' };
  const before = defaultShares(edit.before, loc.env), after = defaultShares(edit.after, loc.env);
  if (!edit.changed || sameShares(before, after)) return change;
  const defaultEnv = loc.project.config.environments[0];
  const files = loc.project.tests.map((spec) => ({ file: spec.file, repoPath: toPosix(path.relative(loc.repo.root, path.resolve(cwd, spec.file))) }));
  const texts = await Promise.all(files.map((f) => read(f.repoPath)));
  for (const [i, { file, repoPath }] of files.entries()) {
    const text = texts[i];
    if (text === undefined) continue;
    const result = updateDistributionSpecs(text, file, edit.after.key, loc.env, before, after, { defaultEnv });
    change.updated.push(...result.changed);
    change.skipped.push(...result.skipped);
    if (result.text === text) continue;
    change.updates.push({ path: repoPath, text: result.text });
    change.diff += unifiedDiff(text, result.text, repoPath);
  }
  return change;
}

/** The PR body's lines about the specs; none when no spec concerns the flag. */
export function describeRampSpecs(specs: RampSpecs): string[] {
  const lines: string[] = [];
  if (specs.updated.length > 0) {
    lines.push('', 'Assertion specs updated to the new rollout:');
    for (const u of specs.updated) lines.push(`- \`${u.file}:${u.line}\` ${JSON.stringify(u.renamed ?? u.name)}: ${describeMove(u.expectBefore, u.expectAfter)}`);
  }
  if (specs.skipped.length > 0) {
    lines.push('', '**Assertion specs that will now fail** (left as written; update them in this pull request):');
    for (const s of specs.skipped) lines.push(`- \`${s.file}:${s.line}\` ${JSON.stringify(s.name)}: ${s.reason}`);
  }
  return lines;
}

function sameShares(a: Shares, b: Shares): boolean {
  return formatShares(a) === formatShares(b);
}
