import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Channel } from './channel.js';

export interface RouteContext {
  channels: Map<string, Channel>;
  /** Total open streams, across environments. */
  subscribers(): number;
  maxSubscribers: number;
  retry: number;
}

const STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  // no-transform keeps proxies from compressing (and so buffering) the stream; nginx reads X-Accel-Buffering.
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
};

/** `GET /<env>.json`, `GET /<env>/stream`, `GET /healthz`; anything else is 404 or 405. */
export function route(ctx: RouteContext, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://relay');
  if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 405, `the relay only answers GET and HEAD\n`, { allow: 'GET, HEAD' });
  if (url.pathname === '/healthz') return health(ctx, res);
  const match = /^\/([^/]+?)(\.json|\/stream)$/.exec(url.pathname);
  const channel = match ? ctx.channels.get(decodeURIComponent(match[1]!)) : undefined;
  if (!match || !channel) {
    const known = [...ctx.channels.keys()].map((env) => `/${env}.json, /${env}/stream`).join('; ');
    return text(res, 404, `not found: ${url.pathname}; this relay serves ${known}, /healthz\n`);
  }
  if (match[2] === '.json') return bundle(channel, req, res);
  return stream(ctx, channel, req, res);
}

function bundle(channel: Channel, req: IncomingMessage, res: ServerResponse): void {
  const current = channel.current;
  if (!current) return text(res, 404, `no bundle for ${channel.environment} yet: publish one (flags publish) to the folder or origin this relay reads\n`);
  const etag = `"${current.digest}"`;
  const headers = { etag, 'cache-control': 'no-cache', 'content-type': 'application/json' };
  if (matchesEtag(req.headers['if-none-match'], etag)) return void res.writeHead(304, headers).end();
  res.writeHead(200, { ...headers, 'content-length': String(current.bytes.length) });
  res.end(req.method === 'HEAD' ? undefined : current.bytes);
}

function stream(ctx: RouteContext, channel: Channel, req: IncomingMessage, res: ServerResponse): void {
  if (ctx.subscribers() >= ctx.maxSubscribers) {
    return text(res, 503, `the relay holds its maximum of ${ctx.maxSubscribers} streams; poll /${channel.environment}.json or retry later\n`, { 'retry-after': '5' });
  }
  req.socket.setNoDelay(true);
  req.socket.setKeepAlive(true, 30_000);
  // A stream ends only when the relay stops; its socket then closes rather than idling in keep-alive.
  res.shouldKeepAlive = false;
  res.writeHead(200, STREAM_HEADERS);
  if (req.method === 'HEAD') return void res.end();
  const lastEventId = req.headers['last-event-id'];
  channel.subscribe(res, typeof lastEventId === 'string' ? lastEventId.trim() : undefined, ctx.retry);
}

function health(ctx: RouteContext, res: ServerResponse): void {
  const environments = Object.fromEntries([...ctx.channels].map(([env, c]) => [env, {
    version: c.current?.version ?? null,
    digest: c.current?.digest ?? null,
    source: c.current?.source ?? null,
    subscribers: c.subscribers,
    dropped: c.dropped,
  }]));
  // Ready once it can serve something: a load balancer should not route SDKs to an empty relay.
  const ready = [...ctx.channels.values()].some((c) => c.current !== undefined);
  res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(`${JSON.stringify({ ok: ready, subscribers: ctx.subscribers(), environments })}\n`);
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

function text(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(body);
}
