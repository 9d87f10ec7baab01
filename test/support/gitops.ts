import { execFile } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateKeyPair } from '../../src/core/sign.js';
import { addKeyToConfig } from '../../src/io/keyring.js';
import { createTestRepo, type TestRepo } from './git.js';
import type { GitHubServer } from './github-server.js';
import { tempDir } from './tmp.js';

const run = promisify(execFile);

/** A test repo whose keyring trusts a fresh key (pushed to origin), plus its private key PEM. */
export async function signedTestRepo(): Promise<{ repo: TestRepo; privateKeyPem: string; publicKey: string }> {
  const repo = await createTestRepo();
  const pair = generateKeyPair();
  await addKeyToConfig(path.join(repo.dir, 'flags/flagops.yaml'), { id: 'test', publicKey: pair.publicKey });
  await repo.commit('trust the test key', {});
  await repo.git('push', '-q', 'origin', 'main');
  return { repo, privateKeyPem: pair.privateKeyPem, publicKey: pair.publicKey };
}

/** A second clone of the same origin, as another engineer's machine. */
export async function cloneOf(repo: TestRepo): Promise<string> {
  const dir = path.join(await tempDir('flagops-clone-'), 'work');
  await run('git', ['clone', '-q', repo.origin, dir]);
  await run('git', ['config', 'user.name', 'Second Engineer'], { cwd: dir });
  await run('git', ['config', 'user.email', 'second@example.test'], { cwd: dir });
  return dir;
}

/** Makes origin refuse pushes to main the way GitHub's branch protection does. */
export async function protectMain(repo: TestRepo): Promise<void> {
  const hook = path.join(repo.origin, 'hooks/pre-receive');
  await writeFile(hook, [
    '#!/bin/sh',
    'while read old new ref; do',
    '  if [ "$ref" = "refs/heads/main" ]; then',
    '    echo "error: GH006: Protected branch update failed for refs/heads/main." >&2',
    '    echo "error: protected branch: changes must be made through a pull request." >&2',
    '    exit 1',
    '  fi',
    'done',
    'exit 0',
    '',
  ].join('\n'));
  await chmod(hook, 0o755);
}

/** The environment variables a GitHub Actions job would set, pointed at the local server. */
export function githubEnv(gh: GitHubServer, token = 'test-token'): Record<string, string> {
  return { GITHUB_TOKEN: token, GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`, GITHUB_API_URL: gh.url };
}

/** The file's text on origin's main. */
export async function originFile(repo: TestRepo, file: string, branch = 'main'): Promise<string> {
  return (await run('git', ['--git-dir', repo.origin, 'show', `${branch}:${file}`])).stdout;
}

export async function originLog(repo: TestRepo, branch = 'main'): Promise<string[]> {
  return (await run('git', ['--git-dir', repo.origin, 'log', '--format=%s', branch])).stdout.trim().split('\n');
}

export async function originBranches(repo: TestRepo): Promise<string[]> {
  return (await run('git', ['--git-dir', repo.origin, 'for-each-ref', '--format=%(refname:short)', 'refs/heads'])).stdout.trim().split('\n');
}

export const PDF = 'flags/billing/new-pdf-engine.yaml';
