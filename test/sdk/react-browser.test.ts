import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import express, { type Request } from 'express';
import { chromium, type Page } from 'playwright-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { flagsMiddleware, flagValuesStream, serializeBootstrap } from '../../src/sdk/express.js';
import type { BundlePayload, Expr } from '../../src/sdk/bundle/types.js';
import { MemorySource } from '../../src/sdk/index.js';
import { App } from '../fixtures/react-app/app.js';
import { ROOT, tempDir } from '../support/tmp.js';
import { examplePayload, serveEverywhere, signedBundle } from './support/bundles.js';
import { testClient } from './support/client.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`react-browser: skipped, ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)`);

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The page's bundle, built for the browser from the fixture app (React in production mode). */
async function bundleApp(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'test/fixtures/react-app/client.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    target: 'chrome120',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Strings only the targeting part of a bundle holds: rule names, condition operands, segment lists. */
function targetingStrings(payload: BundlePayload): string[] {
  const found = new Set(['"split"', '"rules"', '"when"', '"salt"', '"include"', 'payloadType']);
  const operands = (value: unknown): void => {
    if (typeof value === 'string') found.add(value);
    else if (Array.isArray(value)) value.forEach(operands);
  };
  const conditions = (exprs: Expr[] | undefined): void => {
    for (const expr of exprs ?? []) {
      if ('attr' in expr) operands(expr.value);
      else if ('any' in expr) expr.any.forEach(conditions);
      else found.add(expr.segment);
    }
  };
  for (const flag of Object.values(payload.flags)) {
    for (const rule of flag.rules) {
      if (rule.name !== undefined) found.add(rule.name);
      conditions(rule.when);
    }
  }
  for (const segment of Object.values(payload.segments)) {
    operands(segment.include);
    operands(segment.exclude);
    conditions(segment.when);
  }
  // Two-letter country codes and short words would match minified library code by chance.
  return [...found].filter((text) => text.length >= 6);
}

const accountOf = (req: Request): string | undefined => /(?:^|;\s*)account=([^;]+)/.exec(req.get('cookie') ?? '')?.[1];
const contextOf = (req: Request) => ({ accountId: accountOf(req), userId: accountOf(req) });

/** A real Express app: server-rendered page with bootstrap values, the browser bundle, the values stream. */
async function startSite(source: MemorySource, client: ReturnType<typeof testClient>['client']) {
  const appJs = await bundleApp();
  const streams = new Set<ServerResponse>();
  const connections: (() => void)[] = [];
  let streamCount = 0;
  let pageCount = 0;
  const app = express();
  app.use(flagsMiddleware(client, { context: contextOf }));
  app.get('/', (req, res) => {
    pageCount++;
    const values = req.flags.all();
    const html = renderToString(createElement(App, { values, stream: '/flags/stream' }));
    res.type('html').send(`<!doctype html><html><head><title>flags</title></head><body><div id="root">${html}</div>`
      + `<script>window.__FLAGS__ = ${serializeBootstrap(values)}</script><script type="module" src="/app.js"></script></body></html>`);
  });
  app.get('/app.js', (_req, res) => void res.type('js').send(appJs));
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  const stream = flagValuesStream(client, { context: contextOf, retry: 100 });
  app.get('/flags/stream', (req, res, next) => {
    streams.add(res);
    res.on('close', () => streams.delete(res));
    void stream(req, res, next);
    streamCount++;
    connections.shift()?.();
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    source,
    counts: () => ({ pages: pageCount, streams: streamCount }),
    /** Resolves when the browser opens its next stream connection. */
    nextConnection: () => new Promise<void>((resolve) => connections.push(resolve)),
    dropStreams: () => streams.forEach((res) => res.destroy()),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

const textOf = (page: Page, id: string) => page.$eval(`#${id}`, (el) => el.textContent);
const rendersOf = (page: Page, id: string) => page.$eval(`#${id}`, (el) => Number((el as HTMLElement).dataset.renders));
const waitForText = (page: Page, id: string, text: string) =>
  page.waitForFunction(([i, t]) => document.getElementById(i!)?.textContent === t, [id, text], { timeout: 10_000 });

describe.skipIf(!hasChromium)('flagops/react in Chromium', () => {
  it('shows server-bootstrapped values, follows new bundles live without a reload, and never receives targeting data', async () => {
    const source = new MemorySource(signedBundle({ version: 1 }));
    const { client } = testClient({ source });
    await client.ready();
    const site = await startSite(source, client);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    try {
      const context = await browser.newContext();
      await context.addCookies([{ name: 'account', value: 'acct_internal_1', url: site.base }]);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())));

      // Every response the browser receives: bodies of ordinary ones, and each message of the stream.
      const urls: string[] = [];
      const bodies: Promise<string>[] = [];
      page.on('response', (response) => {
        urls.push(response.url());
        if (!(response.headers()['content-type'] ?? '').startsWith('text/event-stream')) bodies.push(response.text());
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const messages: string[] = [];
      cdp.on('Network.eventSourceMessageReceived', (event) => messages.push(`${event.eventName}\n${event.data}`));

      const expected = client.allFlags({ accountId: 'acct_internal_1', userId: 'acct_internal_1' });
      const connected = site.nextConnection();
      await page.goto(`${site.base}/`);
      await page.waitForFunction(() => document.body.dataset.hydrated === 'yes', undefined, { timeout: 10_000 });
      await connected;
      await page.evaluate(() => void ((window as unknown as { marker: string }).marker = 'same page'));
      expect(await textOf(page, 'pdf')).toBe('new-pdf-engine: on');
      expect(await textOf(page, 'maintenance')).toBe('maintenance-mode: off');
      expect(await textOf(page, 'dashboard')).toBe(`redesigned-dashboard: ${String(expected['redesigned-dashboard'])}`);
      expect(await textOf(page, 'count')).toBe('flags: 5');

      // Kill maintenance-mode (its kill variation is on): only its reader and useFlags re-render.
      const killed = (p: BundlePayload) => void (p.flags['maintenance-mode']!.killed = true);
      await source.update(signedBundle({ version: 2, edit: killed }));
      await waitForText(page, 'maintenance', 'maintenance-mode: on');
      expect({ pdf: await rendersOf(page, 'pdf'), maintenance: await rendersOf(page, 'maintenance'), dashboard: await rendersOf(page, 'dashboard'), count: await rendersOf(page, 'count') })
        .toEqual({ pdf: 1, maintenance: 2, dashboard: 1, count: 2 });

      // The stream drops; the browser reconnects and catches up with a bundle published meanwhile.
      const reconnected = site.nextConnection();
      site.dropStreams();
      await source.update(signedBundle({ version: 3, edit: (p) => {
        killed(p);
        p.flags['new-pdf-engine']!.killed = true;
        serveEverywhere('redesigned-dashboard', 1)(p);
      } }));
      await reconnected;
      await waitForText(page, 'pdf', 'new-pdf-engine: off');
      await waitForText(page, 'dashboard', 'redesigned-dashboard: redesigned');
      expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
      expect(site.counts()).toEqual({ pages: 1, streams: 2 });

      const shot = path.join(await tempDir('flagops-react-'), 'page.png');
      await page.screenshot({ path: shot });
      const png = await readFile(shot);
      expect(png.length).toBeGreaterThan(100);
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');

      await page.close();
      const received = [...(await Promise.all(bodies)), ...messages].join('\n');
      expect(urls.every((url) => url.startsWith(site.base))).toBe(true);
      expect(urls).toContain(`${site.base}/flags/stream`);
      expect(messages.length).toBeGreaterThanOrEqual(3);
      expect(received).toContain('"maintenance-mode":true');
      const secrets = targetingStrings(examplePayload());
      expect(secrets).toEqual(expect.arrayContaining(['acct_internal_1', 'acct_1001', 'internal accounts', '"split"']));
      for (const secret of secrets) expect(received, `the browser received ${secret}`).not.toContain(secret);
      // The one expected complaint: the stream the test cut off mid-response.
      expect(problems.filter((text) => !text.includes('ERR_INCOMPLETE_CHUNKED_ENCODING'))).toEqual([]);
    } finally {
      await browser.close();
      await site.close();
    }
  }, 20_000);
});
