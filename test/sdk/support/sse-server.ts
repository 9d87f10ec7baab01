import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An event-stream server on 127.0.0.1 that a test scripts frame by frame (the relay is tested
 * in test/io; this one can misbehave on purpose). Connections wait in `streams`.
 */
export interface SseServer {
  url: string;
  /** Last-Event-ID of each connection, in order ('' when absent). */
  lastEventIds: string[];
  /** Resolves with the next connection's response. */
  connection(): Promise<ServerResponse>;
  /** Answers the next connection with this instead. */
  next(handler: (req: IncomingMessage, res: ServerResponse) => void): void;
  close(): Promise<void>;
}

export async function startSseServer(): Promise<SseServer> {
  const waiting: ((res: ServerResponse) => void)[] = [];
  const pending: ServerResponse[] = [];
  const handlers: ((req: IncomingMessage, res: ServerResponse) => void)[] = [];
  const lastEventIds: string[] = [];
  const server = createServer((req, res) => {
    lastEventIds.push(String(req.headers['last-event-id'] ?? ''));
    const handler = handlers.shift();
    if (handler) return handler(req, res);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    const waiter = waiting.shift();
    if (waiter) waiter(res);
    else pending.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/production/stream`,
    lastEventIds,
    connection: () => new Promise((resolve) => {
      const ready = pending.shift();
      if (ready) resolve(ready);
      else waiting.push(resolve);
    }),
    next: (handler) => void handlers.push(handler),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** An SSE frame carrying a bundle, as the relay writes it. */
export function bundleFrame(envelopeText: string, id: number | string): string {
  return `event: bundle\nid: ${id}\ndata: ${JSON.stringify(JSON.parse(envelopeText))}\n\n`;
}
