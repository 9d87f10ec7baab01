import type { Request, RequestHandler, Response } from 'express';
import type { Json } from './bundle/types.js';
import type { FlagShape, FlagsClient } from './client.js';
import type { Context } from './evaluate/types.js';

export interface FlagValuesStreamOptions {
  /**
   * Builds the context from the stream request, as for the page (cookies, session: an
   * EventSource sends no custom headers). Evaluated once per connection.
   */
  context: (req: Request) => Context;
  /** Comment lines that keep proxies from closing an idle stream, ms. Default 25 000. */
  heartbeatInterval?: number;
  /** How long the browser waits before reconnecting a dropped stream, ms. Default 3 000. */
  retry?: number;
}

/**
 * An Express handler answering `text/event-stream` for `<FlagsProvider stream>` of
 * `flagops/react`: sends `event: values` (every flag's value for the request's context) on
 * connect and again whenever a new bundle changes them. Values only: no rules, no targeting data.
 *
 * @example
 * app.get('/flags/stream', flagValuesStream(flags, { context: (req) => ({ userId: req.session.userId }) }));
 */
export function flagValuesStream<F extends FlagShape = Record<string, Json>>(client: FlagsClient<F>, options: FlagValuesStreamOptions): RequestHandler {
  return (req: Request, res: Response) => {
    const context = contextOf(req, options.context);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx buffers proxied responses unless told otherwise.
      'x-accel-buffering': 'no',
    });
    const write = (text: string): void => {
      res.write(text);
      // A compression middleware holds writes back until flushed.
      (res as { flush?: () => void }).flush?.();
    };
    let sent: string | undefined;
    const send = (): void => {
      const text = JSON.stringify(client.allFlags(context));
      if (text === sent) return;
      sent = text;
      write(`event: values\ndata: ${text}\n\n`);
    };
    write(`retry: ${options.retry ?? 3_000}\n\n`);
    send();
    const offChange = client.on('change', send);
    const offReady = client.on('ready', send);
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatInterval ?? 25_000);
    res.on('close', () => {
      offChange();
      offReady();
      clearInterval(heartbeat);
    });
  };
}

/** A context function that throws must not break the stream: evaluate as anonymous. */
function contextOf(req: Request, build: (req: Request) => Context): Context {
  try {
    return build(req) ?? {};
  } catch {
    return {};
  }
}
