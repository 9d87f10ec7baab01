import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN, copyExample, tempDir } from '../support/tmp.js';

describe('flags serve', () => {
  it('listens, says where, answers /healthz, and stops cleanly on SIGTERM', async () => {
    const cwd = await copyExample();
    const cdn = await tempDir('flagops-cdn-');
    const child = execa('node', [BIN, 'serve', '--from', cdn, '--port', '0', '--env', 'production'], { cwd, env: { NO_COLOR: '1' }, reject: false });
    const url = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
        if (match) resolve(match[1]!);
      });
      void child.then(() => reject(new Error(`exited early: ${text}`)));
    });
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, environments: { production: { version: null } } });
    child.kill('SIGTERM');
    const result = await child;
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`${url}/production/stream   ${url}/production.json`);
    expect(result.stderr).toContain('SIGTERM: closing streams, stopping');
  });

  it('refuses a port that is not a number (exit 2)', async () => {
    const cwd = await copyExample();
    const result = await execa('node', [BIN, 'serve', '--port', 'eighty'], { cwd, env: { NO_COLOR: '1' }, reject: false });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--port expects a whole number, got "eighty"');
  });
});
