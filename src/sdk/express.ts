/**
 * `flagops/express`: request-scoped flag helpers. Express is an optional peer dependency; this
 * module only uses its types.
 *
 * @example
 * import express from 'express';
 * import { createClient } from 'flagops/sdk';
 * import { flagsMiddleware } from 'flagops/express';
 *
 * const flags = createClient({ source: process.env.FLAGS_URL!, environment: 'production', keys });
 * const app = express();
 * app.use(flagsMiddleware(flags, { context: (req) => ({ userId: req.get('x-user-id'), accountId: req.get('x-account-id') }) }));
 * app.get('/invoice.pdf', (req, res) => (req.flags.isEnabled('new-pdf-engine') ? renderNew(res) : renderOld(res)));
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Json } from './bundle/types.js';
import type { BooleanKeyOf, FlagKeyOf, FlagShape, FlagsClient, ValueFor } from './client.js';
import type { Context, Resolution } from './evaluate/types.js';

/** The flags of one request, bound to the context built from it. */
export interface RequestFlags<F extends FlagShape = Record<string, Json>> {
  isEnabled(key: BooleanKeyOf<F>, defaultValue?: boolean): boolean;
  variation<K extends FlagKeyOf<F>, T extends F[K]>(key: K, defaultValue: T): ValueFor<F, K, T>;
  evaluate<K extends FlagKeyOf<F>, T extends F[K]>(key: K, defaultValue?: T): Resolution<ValueFor<F, K, T>>;
  /** Every flag's value for this request: safe to embed in the page for a browser. */
  all(): Partial<F>;
  /** The context evaluations use (built once per request, on first use). */
  readonly context: Context;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by `flagsMiddleware` from `flagops/express`. */
      flags: RequestFlags;
    }
  }
}

export interface FlagsMiddlewareOptions {
  /** Builds the evaluation context from the request (user id, account, plan, country…). */
  context: (req: Request) => Context;
}

/** Adds `req.flags`; the context function runs at most once per request, and only if a flag is read. */
export function flagsMiddleware<F extends FlagShape = Record<string, Json>>(client: FlagsClient<F>, options: FlagsMiddlewareOptions): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    req.flags = requestFlags(client, () => options.context(req)) as unknown as RequestFlags;
    next();
  };
}

/** The same helpers outside Express (other frameworks, jobs): bound to a context built lazily. */
export function requestFlags<F extends FlagShape>(client: FlagsClient<F>, build: () => Context): RequestFlags<F> {
  let context: Context | undefined;
  const ctx = (): Context => {
    if (context === undefined) {
      try {
        context = build() ?? {};
      } catch {
        // A context function that throws must not fail the request: evaluate as anonymous.
        context = {};
      }
    }
    return context;
  };
  return {
    isEnabled: (key, defaultValue = false) => client.isEnabled(key, ctx(), defaultValue),
    variation: (key, defaultValue) => client.variation(key, ctx(), defaultValue),
    evaluate: (key, defaultValue) => client.evaluate(key, ctx(), defaultValue),
    all: () => client.allFlags(ctx()),
    get context() {
      return ctx();
    },
  };
}

export { flagValuesStream, type FlagValuesStreamOptions } from './values-stream-handler.js';
export { serializeBootstrap } from './bootstrap.js';
