import { execFile } from 'node:child_process';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { EXAMPLE_FLAGS, tempDir } from './tmp.js';

const run = promisify(execFile);

export interface TestRepo {
  /** The working clone. */
  dir: string;
  /** The bare repository that is its `origin`. */
  origin: string;
  git(...args: string[]): Promise<string>;
  /** Writes files (path → text) relative to the clone and commits them, optionally at a date. */
  commit(message: string, files: Record<string, string>, options?: { date?: string; author?: string }): Promise<string>;
}

/**
 * A real git repository with a bare `origin`, `main` as default branch, seeded with the example
 * flags folder (unless `seed: false`) and pushed. Removed after the test.
 */
export async function createTestRepo(options: { seed?: boolean; date?: string } = {}): Promise<TestRepo> {
  const root = await tempDir('flagops-git-');
  const origin = path.join(root, 'origin.git');
  const dir = path.join(root, 'work');
  await run('git', ['init', '-q', '--bare', '-b', 'main', origin]);
  await run('git', ['clone', '-q', origin, dir]);
  const git = async (...args: string[]) => (await run('git', args, { cwd: dir, env: gitEnv() })).stdout.trim();
  await git('config', 'user.name', 'Test Author');
  await git('config', 'user.email', 'author@example.test');
  await git('config', 'commit.gpgsign', 'false');
  await git('checkout', '-q', '-b', 'main');
  const repo: TestRepo = {
    dir,
    origin,
    git,
    async commit(message, files, opts = {}) {
      for (const [file, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        await writeFile(path.join(dir, file), text);
      }
      await git('add', '-A');
      const env = { ...gitEnv(), ...(opts.date ? { GIT_AUTHOR_DATE: opts.date, GIT_COMMITTER_DATE: opts.date } : {}) };
      const author = opts.author ? ['--author', opts.author] : [];
      await run('git', ['commit', '-q', '--allow-empty', '-m', message, ...author], { cwd: dir, env });
      return git('rev-parse', 'HEAD');
    },
  };
  if (options.seed !== false) {
    await cp(EXAMPLE_FLAGS, path.join(dir, 'flags'), { recursive: true });
    await repo.commit('seed flags', {}, { date: options.date });
    await git('push', '-q', '-u', 'origin', 'main');
  }
  return repo;
}

function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' };
}
