import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import { connect, createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HttpSource } from '../../src/sdk/index.js';
import { tempDir } from '../support/tmp.js';
import { serveEverywhere, signedBundle } from './support/bundles.js';
import { nextEvent, testClient } from './support/client.js';

const NGINX = '/usr/sbin/nginx';
const present = existsSync(NGINX);
if (!present) console.warn(`skipping the nginx end-to-end test: ${NGINX} is not installed (apt-get install nginx)`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves once something accepts connections on the port (nginx has bound it). */
async function listening(port: number, child: ChildProcess, logFile: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${await readFile(logFile, 'utf8').catch(() => '')}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(true)).on('error', () => resolve(false));
      socket.on('connect', () => socket.end());
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('nginx did not start listening');
}

async function startNginx(root: string, work: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const log = path.join(work, 'error.log');
  const conf = path.join(work, 'nginx.conf');
  await writeFile(conf, `daemon off;
master_process off;
pid ${work}/nginx.pid;
error_log ${log} warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${work}/body; proxy_temp_path ${work}/proxy; fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi; scgi_temp_path ${work}/scgi;
  types { application/json json; }
  server {
    listen 127.0.0.1:${port};
    root ${root};
    etag on;
  }
}
`);
  const child = spawn(NGINX, ['-p', work, '-c', conf, '-e', log], { stdio: 'ignore' });
  await listening(port, child, log);
  return {
    url: `http://127.0.0.1:${port}/production.json`,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** Replaces the bundle as a publish step would: temp file in the same folder, then rename. */
async function publish(root: string, text: string, mtime: Date): Promise<void> {
  const temp = path.join(root, '.production.json.tmp');
  await writeFile(temp, text);
  // nginx's ETag is mtime (seconds) + size: two publishes within one second with equal sizes would
  // share an ETag, so each publish here gets its own mtime second.
  await utimes(temp, mtime, mtime);
  await rename(temp, path.join(root, 'production.json'));
}

describe.skipIf(!present)('end to end with nginx serving the bundle folder', () => {
  it('polls with ETags, gets 304 while unchanged, and picks up an atomic replace', async () => {
    const work = await tempDir('flagops-nginx-');
    const root = path.join(work, 'www');
    await mkdir(root);
    await publish(root, signedBundle({ version: 1 }), new Date('2026-01-01T00:00:00Z'));
    const nginx = await startNginx(root, work);
    try {
      const statuses: number[] = [];
      const recording: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        statuses.push(response.status);
        return response;
      };
      const source = new HttpSource(nginx.url, { pollInterval: 3_600_000, requestTimeout: 2_000, maxBackoff: 3_600_000, fetch: recording });
      const { client, errors } = testClient({ source });
      expect(await client.ready()).toBe(true);
      expect(client.isEnabled('maintenance-mode', {})).toBe(false);

      await client.refresh();
      expect(statuses).toEqual([200, 304]);

      const change = nextEvent(client, 'change');
      await publish(root, signedBundle({ version: 2, edit: serveEverywhere('maintenance-mode', 0) }), new Date('2026-01-01T00:00:05Z'));
      await client.refresh();
      expect(await change).toMatchObject({ version: 2, keys: ['maintenance-mode'] });
      expect(statuses).toEqual([200, 304, 200]);
      expect(client.isEnabled('maintenance-mode', {})).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await nginx.stop();
    }
  });
});
