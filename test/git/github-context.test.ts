import { describe, expect, it } from 'vitest';
import { ForgeError } from '../../src/core/errors.js';
import { parseRemoteUrl, resolveGitHubContext } from '../../src/git/github-context.js';

describe('parseRemoteUrl', () => {
  it.each([
    ['https://github.com/acme/flags.git', 'acme', 'flags'],
    ['https://github.com/acme/flags', 'acme', 'flags'],
    ['https://x-access-token:secret@github.com/acme/flags.git', 'acme', 'flags'],
    ['git@github.com:acme/flags.git', 'acme', 'flags'],
    ['ssh://git@github.example.com:2222/acme/flags.git', 'acme', 'flags'],
    ['https://ghe.example.com/acme/flags.git/', 'acme', 'flags'],
  ])('%s', (url, owner, repo) => {
    expect(parseRemoteUrl(url)).toEqual({ owner, repo });
  });

  it('gives up on local paths and file URLs', () => {
    expect(parseRemoteUrl('/tmp/origin.git')).toBeUndefined();
    expect(parseRemoteUrl('file:///tmp/origin.git')).toBeUndefined();
  });
});

describe('resolveGitHubContext', () => {
  it('prefers GITHUB_REPOSITORY, then the remote; token from GITHUB_TOKEN or GH_TOKEN; API URL from config, env, default', () => {
    expect(resolveGitHubContext({ env: { GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'o/r' }, remoteUrl: 'git@github.com:x/y.git' }))
      .toEqual({ token: 't', baseUrl: 'https://api.github.com', owner: 'o', repo: 'r' });
    expect(resolveGitHubContext({ env: { GH_TOKEN: 'g', GITHUB_API_URL: 'https://ghe/api/v3/' }, remoteUrl: 'git@github.com:x/y.git' }))
      .toEqual({ token: 'g', baseUrl: 'https://ghe/api/v3', owner: 'x', repo: 'y' });
    expect(resolveGitHubContext({ env: { GH_TOKEN: 'g', GITHUB_API_URL: 'https://env' }, apiUrl: 'https://config', remoteUrl: 'https://h/x/y' }).baseUrl)
      .toBe('https://config');
  });

  it('explains a missing token and an unknown repository without printing secrets', () => {
    expect(() => resolveGitHubContext({ env: { GITHUB_REPOSITORY: 'o/r' } })).toThrow(ForgeError);
    expect(() => resolveGitHubContext({ env: { GITHUB_REPOSITORY: 'o/r' } })).toThrow(/no GitHub token: set GITHUB_TOKEN or GH_TOKEN/);
    try {
      resolveGitHubContext({ env: { GITHUB_TOKEN: 't' }, remoteUrl: 'https://user:hunter2@host/only-one' });
    } catch (error) {
      expect((error as Error).message).toContain('cannot tell which GitHub repository');
      expect((error as Error).message).not.toContain('hunter2');
      expect((error as ForgeError).hint).toContain('GITHUB_REPOSITORY');
    }
  });
});
