import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import { compileProjectToDisk } from '../io/compile.js';
import { toPosix } from '../io/project.js';
import { publishBundles } from '../io/publish.js';
import type { Repo } from './repo.js';
import { timed, type Step } from './steps.js';

export type KillPublish =
  | { status: 'skipped'; reason: string }
  | { status: 'published' | 'unchanged'; location: string; version: number; digest: string };

export interface PublishAtInput {
  cwd: string;
  /** Flags folder relative to cwd. */
  dir: string;
  repo: Repo;
  /** The commit to compile: exactly what was pushed. */
  sha: string;
  env: string;
  to: string;
  signingKey?: string;
  keyFile?: string;
  steps: Step[];
}

/**
 * Compiles, signs and publishes one environment from the pushed commit. Compiles in place when
 * the checkout is that commit and clean, else in a temporary worktree of it, so the bundle is
 * what origin holds, never local edits.
 */
export async function publishAt(input: PublishAtInput): Promise<KillPublish> {
  const to = /^[a-z][\w+.-]*:\/\//i.test(input.to) ? input.to : path.resolve(input.cwd, input.to);
  const keyFile = input.keyFile ? path.resolve(input.cwd, input.keyFile) : undefined;
  const flagsDir = toPosix(path.relative(input.repo.root, path.resolve(input.cwd, input.dir))) || '.';
  const inPlace = (await input.repo.resolve('HEAD')) === input.sha && !(await input.repo.isDirty([flagsDir]));
  const out = await mkdtemp(path.join(os.tmpdir(), 'flagops-bundle-'));
  const run = async (cwd: string): Promise<KillPublish> => {
    const compiled = await timed(input.steps, 'compile + sign', () =>
      compileProjectToDisk({ cwd, dir: input.dir, out, environments: [input.env], signingKey: input.signingKey, keyFile }));
    const error = compiled.diagnostics.find((d) => d.severity === 'error');
    if (error || compiled.bundles.length === 0) {
      throw new ConfigError(`the flags at ${input.sha.slice(0, 7)} do not compile${error ? `: ${error.file}:${error.line}:${error.col} ${error.message}` : ''}`, {
        hint: 'Run `flags lint` and fix the problem.',
      });
    }
    const published = await timed(input.steps, 'publish', () => publishBundles({ cwd, dir: input.dir, to, environments: [input.env], from: out }));
    const bundle = published.bundles[0]!;
    return { status: bundle.status, location: bundle.location, version: bundle.version, digest: bundle.digest };
  };
  try {
    if (inPlace) return await run(input.cwd);
    const relative = path.relative(input.repo.root, input.cwd);
    return await input.repo.withWorktree(input.sha, (tree) => run(path.join(tree, relative)));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
