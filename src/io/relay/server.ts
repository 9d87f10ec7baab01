import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TrustedKey } from '../../sdk/bundle/index.js';
import { Channel } from './channel.js';
import { now, type RelayListener } from './events.js';
import { FolderUpstream } from './folder-upstream.js';
import { route } from './routes.js';
import type { Upstream, UpstreamReport } from './upstream.js';
import { UrlUpstream } from './url-upstream.js';

export interface RelayOptions {
  /** A folder (absolute path) `flags publish` writes, or an http(s) origin serving `<env>.json`. */
  from: string;
  environments: string[];
  /** The config keyring; bundles are verified before relaying when it is not empty. */
  keys: TrustedKey[];
  host?: string;
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Open streams at most, across environments; more get 503. Default 10 000. */
  maxSubscribers?: number;
  /** Comment line sent to every stream this often, ms, so proxies and clients see a live connection. Default 15 000. */
  heartbeatInterval?: number;
  /** The `retry:` hint: how soon clients reconnect after the stream ends, ms. Default 1 000. */
  retry?: number;
  /** Folder stat fallback / origin poll interval, ms. Default 1 000 (folder) / 2 000 (origin). */
  pollInterval?: number;
  /** On close, connections still open after this long are cut, ms. Default 500. */
  closeGrace?: number;
  onEvent?: RelayListener;
}

export interface Relay {
  /** `http://host:port`. */
  url: string;
  port: number;
  channels: Map<string, Channel>;
  /** Stops watching, ends every stream and closes the server. */
  close(): Promise<void>;
}

/**
 * Starts a relay: loads the current bundle of every environment, then serves it to pollers
 * (`GET /<env>.json` with a strong ETag) and pushes each newer bundle to SSE subscribers
 * (`GET /<env>/stream`) the moment it is published.
 */
export async function startRelay(options: RelayOptions): Promise<Relay> {
  const listener = options.onEvent ?? (() => {});
  const channels = new Map(options.environments.map((env) => [env, new Channel(env, options.keys, listener)]));
  const report: UpstreamReport = (environment, message) => listener({ type: 'upstream', environment, message, at: now() });
  const upstream = createUpstream(options, report);
  await upstream.start((env, bytes, origin) => channels.get(env)!.offer(bytes, origin));
  const subscribers = () => [...channels.values()].reduce((sum, c) => sum + c.subscribers, 0);
  const ctx = { channels, subscribers, maxSubscribers: options.maxSubscribers ?? 10_000, retry: options.retry ?? 1000 };
  const server = createServer((req, res) => route(ctx, req, res));
  await listen(server, options.port ?? 8787, options.host ?? '127.0.0.1').catch((error: unknown) => {
    upstream.close();
    throw error;
  });
  const heartbeat = setInterval(() => channels.forEach((c) => c.ping()), options.heartbeatInterval ?? 15_000);
  heartbeat.unref();
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  listener({ type: 'listening', url, from: upstream.describe, environments: options.environments, verifying: options.keys.length > 0 });
  return {
    url,
    port,
    channels,
    async close() {
      clearInterval(heartbeat);
      upstream.close();
      channels.forEach((c) => c.close());
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // A client that never reads its stream would hold the socket open; stopping does not wait on it.
      const force = setTimeout(() => server.closeAllConnections(), options.closeGrace ?? 500);
      await closed;
      clearTimeout(force);
    },
  };
}

function createUpstream(options: RelayOptions, report: UpstreamReport): Upstream {
  if (/^https?:\/\//i.test(options.from)) {
    const base = new URL(options.from.endsWith('/') ? options.from : `${options.from}/`);
    return new UrlUpstream(base, options.environments, { interval: options.pollInterval ?? 2000, timeout: 10_000, report });
  }
  return new FolderUpstream(options.from, options.environments, { interval: options.pollInterval ?? 1000, report });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
