import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { etagOf } from './bundles.js';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A bundle origin on 127.0.0.1 whose behaviour a test scripts: by default it serves the current
 * bundle with an ETag and answers 304 to a matching If-None-Match; `next()` queues one-off answers.
 */
export interface Origin {
  url: string;
  /** If-None-Match of each request received, in order ('' when absent). */
  requests: string[];
  statuses: number[];
  serve(text: string): void;
  next(handler: Handler): void;
  close(): Promise<void>;
}

export async function startOrigin(initial?: string, port = 0): Promise<Origin> {
  let body = initial;
  const queue: Handler[] = [];
  const requests: string[] = [];
  const statuses: number[] = [];
  const server = createServer((req, res) => {
    requests.push(String(req.headers['if-none-match'] ?? ''));
    res.on('finish', () => statuses.push(res.statusCode));
    const handler = queue.shift();
    if (handler) return handler(req, res);
    if (body === undefined) return void res.writeHead(404).end('no bundle');
    const etag = etagOf(body);
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/json', etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/flags/production.json`,
    requests,
    statuses,
    serve: (text) => void (body = text),
    next: (handler) => void queue.push(handler),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A free loopback port with nothing listening (for "origin down"). */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/flags/production.json`;
}
