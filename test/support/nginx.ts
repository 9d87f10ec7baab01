import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from './ports.js';
import { tempDir } from './tmp.js';

export const NGINX = '/usr/sbin/nginx';
export const hasNginx = existsSync(NGINX);

export interface Nginx {
  url: string;
  /** The folder nginx serves (and PUT writes into). */
  root: string;
  stop(): Promise<void>;
}

/** A real nginx with WebDAV PUT on a free loopback port, prefix in a temp dir, in the foreground. */
export async function startNginx(): Promise<Nginx> {
  const prefix = await tempDir('flagops-nginx-');
  const root = path.join(prefix, 'www');
  await mkdir(root, { recursive: true });
  const port = await freePort();
  const runAs = process.getuid?.() === 0 ? 'user root root;' : '';
  const temp = (name: string) => `${name}_temp_path ${path.join(prefix, name)};`;
  await writeFile(path.join(prefix, 'nginx.conf'), `
${runAs}
daemon off;
worker_processes 1;
pid ${path.join(prefix, 'nginx.pid')};
error_log ${path.join(prefix, 'error.log')} warn;
events { worker_connections 64; }
http {
  access_log off;
  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location / {
      dav_methods PUT;
      create_full_put_path on;
      dav_access user:rw group:r all:r;
    }
  }
}
`);
  const child = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'error.log')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(url, child);
  return { url, root, stop: () => stop(child) };
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    const up = await fetch(url, { signal: AbortSignal.timeout(500) }).then(() => true, () => false);
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('nginx did not start within 5 s');
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGQUIT');
  });
}
