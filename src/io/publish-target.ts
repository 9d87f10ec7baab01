import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, FlagsError } from '../core/errors.js';
import { writeFileAtomic } from './atomic.js';

/** Where bundles are published: a folder a CDN serves, or an origin taking HTTP PUT. */
export interface PublishTarget {
  /** For messages: the folder or URL. */
  readonly describe: string;
  /** The published bytes of `name`, or undefined when nothing is published yet. */
  read(name: string): Promise<Uint8Array | undefined>;
  write(name: string, bytes: Uint8Array): Promise<string>;
}

export class PublishError extends FlagsError {}

export function createTarget(to: string, options: { cwd: string; token?: string }): PublishTarget {
  if (/^https?:\/\//i.test(to)) return httpTarget(new URL(to.endsWith('/') ? to : `${to}/`), options.token);
  if (/^[a-z][\w+.-]*:\/\//i.test(to)) {
    throw new ConfigError(`cannot publish to ${to}: only folders and http(s) URLs are supported`, {
      hint: 'Publish to the folder your CDN serves, or to an origin that takes HTTP PUT (e.g. nginx with dav_methods PUT).',
    });
  }
  return dirTarget(path.resolve(options.cwd, to));
}

function dirTarget(dir: string): PublishTarget {
  return {
    describe: dir,
    async read(name) {
      return readFile(path.join(dir, name)).then((b) => new Uint8Array(b), (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw new PublishError(`cannot read the published ${path.join(dir, name)}: ${error.code}`, { hint: 'Check the folder permissions.', cause: error });
      });
    },
    async write(name, bytes) {
      const file = path.join(dir, name);
      await writeFileAtomic(file, bytes);
      return file;
    },
  };
}

function httpTarget(base: URL, token: string | undefined): PublishTarget {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return {
    describe: base.href,
    async read(name) {
      const url = new URL(name, base);
      const response = await request(url, { headers: { ...headers, 'cache-control': 'no-cache' } });
      if (response.status === 404 || response.status === 410) return undefined;
      if (!response.ok) throw httpError('read', url, response.status);
      return new Uint8Array(await response.arrayBuffer());
    },
    async write(name, bytes) {
      const url = new URL(name, base);
      const response = await request(url, { method: 'PUT', body: bytes as unknown as BodyInit, headers: { ...headers, 'content-type': 'application/json' } });
      if (!response.ok) throw httpError('upload', url, response.status);
      return url.href;
    },
  };
}

async function request(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new PublishError(`cannot reach ${url.origin}: ${(error as Error).message}`, {
      hint: 'Check the --to URL / publish.to and that the origin is up; nothing was published.',
      cause: error,
    });
  }
}

function httpError(what: string, url: URL, status: number): PublishError {
  const hints: Record<number, string> = {
    401: 'The origin wants credentials: set FLAGS_PUBLISH_TOKEN (sent as a Bearer token).',
    403: 'The origin refused: check FLAGS_PUBLISH_TOKEN and that it allows PUT here.',
    405: 'The origin does not take PUT here: enable it (nginx: dav_methods PUT; create_full_put_path on;).',
  };
  return new PublishError(`could not ${what} ${url.href}: HTTP ${status}`, { hint: hints[status] ?? 'Check the origin\'s logs; rerunning is safe.' });
}
