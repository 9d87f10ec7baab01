import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFlags } from '../support/cli.js';
import { ROOT, tempDir } from '../support/tmp.js';

describe('flags init, new, list', () => {
  it('init --keygen, then new, then list and lint work together', async () => {
    const home = await tempDir('flagops-home-');
    const cwd = await tempDir();
    const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
    const init = await runFlags(['init', '--keygen'], { cwd, env });
    expect(init.exitCode).toBe(0);
    expect(init.stdout).toContain('created flags/flagops.yaml');
    const config = await readFile(path.join(cwd, 'flags/flagops.yaml'), 'utf8');
    expect(config).toMatch(/publicKey: /);
    const keyFile = /private key in (\S+),/.exec(init.stdout)![1]!;
    expect(keyFile.startsWith(home)).toBe(true);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);

    const created = await runFlags(['new', 'checkout-v2', '--kind', 'experiment', '--owner', 'shop', '--description', 'New checkout', '--folder', 'shop'], { cwd });
    expect(created).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('created flags/shop/checkout-v2.yaml') });
    const again = await runFlags(['new', 'checkout-v2'], { cwd });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/usage error: flag `checkout-v2` already exists: flags\/shop\/checkout-v2.yaml\nhint: /);

    const list = await runFlags(['list'], { cwd });
    expect(list.exitCode).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^FLAG +KIND +OWNER +PRODUCTION +STAGING +EXPIRES$/);
    expect(list.stdout).toMatch(/checkout-v2 +experiment +shop +off +off +\d{4}-\d{2}-\d{2}/);
    expect(await runFlags(['lint'], { cwd })).toMatchObject({ exitCode: 0, stdout: 'no problems in 3 files' });
  });

  it('list --env --json on the example repository', async () => {
    const result = await runFlags(['list', '--env', 'production', '--json'], { cwd: ROOT });
    expect(result.exitCode).toBe(0);
    const rows = JSON.parse(result.stdout);
    expect(rows.find((r: { key: string }) => r.key === 'maintenance-mode').environments).toEqual([{ environment: 'production', state: 'off', rules: 0, configured: true }]);
  });
});
