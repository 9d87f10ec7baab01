import { readFile, stat, utimes } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
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
      const previous = await stat(file).catch(() => undefined);
      await writeFileAtomic(file, bytes);
      await advanceMtime(file, previous?.mtimeMs);
      return file;
    },
  };
}

/**
 * Static servers (nginx among them) derive ETag and Last-Modified from the mtime in whole seconds
 * and the size. Two publishes of the same size within one second would share an ETag, and SDKs
 * polling with If-None-Match would be told 304 and miss the second (a kill right after a ramp).
 * So the new file's mtime always lands in a later second than the file it replaces.
 */
async function advanceMtime(file: string, previousMs: number | undefined): Promise<void> {
  if (previousMs === undefined) return;
  const previousSecond = Math.floor(previousMs / 1000);
  if (Math.floor(Date.now() / 1000) > previousSecond) return;
  const next = previousSecond + 1;
  await utimes(file, next, next);
}

function httpTarget(base: URL, token: string | undefined): PublishTarget {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const etags = new Map<string, string | null>();
  return {
    describe: base.href,
    async read(name) {
      const url = new URL(name, base);
      const response = await request(url, { headers: { ...headers, 'cache-control': 'no-cache' } });
      if (response.status === 404 || response.status === 410) return undefined;
      if (!response.ok) throw httpError('read', url, response.status);
      etags.set(name, response.headers.get('etag'));
      return new Uint8Array(await response.arrayBuffer());
    },
    async write(name, bytes) {
      const url = new URL(name, base);
      const put = async () => {
        const response = await request(url, { method: 'PUT', body: bytes as unknown as BodyInit, headers: { ...headers, 'content-type': 'application/json' } });
        if (!response.ok) throw httpError('upload', url, response.status);
      };
      await put();
      // Same reason as advanceMtime: an origin whose ETag did not change would answer SDKs 304.
      const before = etags.get(name);
      if (before && (await currentEtag(url, headers)) === before) {
        await delay(1000 - (Date.now() % 1000) + 5);
        await put();
      }
      return url.href;
    },
  };
}

async function currentEtag(url: URL, headers: Record<string, string>): Promise<string | null> {
  const response = await request(url, { method: 'HEAD', headers: { ...headers, 'cache-control': 'no-cache' } });
  return response.ok ? response.headers.get('etag') : null;
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
