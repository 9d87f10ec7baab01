import type { AddressInfo } from 'node:net';
import express from 'express';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flagValuesStream, serializeBootstrap } from '../../src/sdk/express.js';
import { MemorySource } from '../../src/sdk/index.js';
import { FlagsProvider, useFeatureFlag, useFlags, useVariation } from '../../src/sdk/react.js';
import { FlagValuesStore } from '../../src/sdk/react/values-store.js';
import { followValues, type EventSourceLike } from '../../src/sdk/react/values-stream.js';
import { signedBundle } from './support/bundles.js';
import { testClient } from './support/client.js';
import { sseReader } from './support/sse-reader.js';

function Probe() {
  const flags = useFlags();
  const shown = {
    pdf: useFeatureFlag('new-pdf-engine'),
    maintenance: useFeatureFlag('maintenance-mode', true),
    dashboard: useVariation('redesigned-dashboard', 'unknown'),
    // Mistyped reads answer the default, as the server SDK does.
    dashboardAsBoolean: useFeatureFlag('redesigned-dashboard', true),
    pdfAsString: useVariation('new-pdf-engine', 'fallback'),
    missing: useVariation('no-such-flag', 7),
    anyType: useVariation<unknown>('new-pdf-engine', null),
    count: Object.keys(flags).length,
  };
  return <pre>{JSON.stringify(shown)}</pre>;
}

const rendered = (html: string): Record<string, unknown> => JSON.parse(html.replace(/^<pre>|<\/pre>$/g, '').replaceAll('&quot;', '"'));

describe('flagops/react on the server (renderToString)', () => {
  it('renders the bootstrap values the server client evaluated, with defaults for missing and mistyped flags', async () => {
    const { client } = testClient({ source: signedBundle({ version: 1 }) });
    await client.ready();
    const values = client.allFlags({ accountId: 'acct_internal_1', userId: 'u1' });
    const html = renderToString(<FlagsProvider values={values} stream="/flags/stream"><Probe /></FlagsProvider>);
    expect(rendered(html)).toEqual({
      pdf: true,
      maintenance: false,
      dashboard: values['redesigned-dashboard'],
      dashboardAsBoolean: true,
      pdfAsString: 'fallback',
      missing: 7,
      anyType: true,
      count: Object.keys(values).length,
    });
    expect(['current', 'redesigned']).toContain(values['redesigned-dashboard']);
  });

  it('answers defaults outside a provider and for values that are not booleans', () => {
    expect(rendered(renderToString(<Probe />))).toEqual({
      pdf: false, maintenance: true, dashboard: 'unknown', dashboardAsBoolean: true, pdfAsString: 'fallback', missing: 7, anyType: null, count: 0,
    });
    const odd = { 'new-pdf-engine': 'true', 'maintenance-mode': 1, 'redesigned-dashboard': 42 };
    expect(rendered(renderToString(<FlagsProvider values={odd}><Probe /></FlagsProvider>))).toMatchObject({
      pdf: false, maintenance: true, dashboard: 'unknown', pdfAsString: 'true', anyType: 'true',
    });
  });
});

describe('FlagValuesStore', () => {
  it('notifies only the readers of keys whose value changed, keeping unchanged values identical', () => {
    const store = new FlagValuesStore({ a: true, b: { limit: 1 }, c: 'x' });
    const heard: string[] = [];
    for (const key of ['a', 'b', 'c', 'd']) store.subscribe(key, () => heard.push(key));
    store.subscribeAll(() => heard.push('*'));
    const b = store.get('b');
    const before = store.all();

    expect(store.replace({ a: true, b: { limit: 1 }, c: 'x' })).toEqual([]);
    expect(store.all()).toBe(before);
    expect(store.replace({ a: false, b: { limit: 1 }, d: 3 })).toEqual(['a', 'd', 'c']);
    expect(heard).toEqual(['a', 'd', 'c', '*']);
    expect(store.get('b')).toBe(b);
    expect(store.get('c')).toBeUndefined();
    expect(store.all()).toEqual({ a: false, b: { limit: 1 }, d: 3 });
  });

  it('keeps keys such as __proto__ as plain data and never reads inherited properties', () => {
    const store = new FlagValuesStore(JSON.parse('{"__proto__": true, "x": 1}'));
    expect(store.get('__proto__')).toBe(true);
    expect(store.get('toString')).toBeUndefined();
    expect(Object.getPrototypeOf(store.all())).toBe(Object.prototype);
  });

  it('unsubscribes', () => {
    const store = new FlagValuesStore({ a: 1 });
    const listener = vi.fn();
    const off = store.subscribe('a', listener);
    off();
    store.replace({ a: 2 });
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('serializeBootstrap', () => {
  it('escapes what could end a script element or break a parser, and stays JSON', () => {
    const values = { banner: '</script><script>alert(1)</script> & <!-- \u2028\u2029', n: 1 };
    const text = serializeBootstrap(values);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual(values);
    expect(new Function(`return ${text}`)()).toEqual(values);
  });
});

/** An EventSource stand-in the test drives by hand. */
class FakeSource implements EventSourceLike {
  static opened: FakeSource[] = [];
  readyState = 0;
  closed = false;
  readonly #listeners = new Map<string, ((event: { data?: unknown }) => void)[]>();
  constructor(readonly url: string) {
    FakeSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }
  fire(type: string, data?: string): void {
    if (type === 'open') this.readyState = 1;
    for (const listener of this.#listeners.get(type) ?? []) listener({ data });
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
}

describe('followValues', () => {
  afterEach(() => {
    FakeSource.opened = [];
    vi.useRealTimers();
  });

  it('hands over valid values messages, ignores others, and reopens a stream the browser gave up on', () => {
    vi.useFakeTimers();
    const received: unknown[] = [];
    const stop = followValues('/flags/stream', (values) => received.push(values), { eventSource: (url) => new FakeSource(url), retryDelay: 1_000 });
    const first = FakeSource.opened[0]!;
    first.fire('open');
    first.fire('values', '{"a":true}');
    first.fire('values', 'not json');
    first.fire('values', '[1,2]');
    first.fire('values', 'null');
    expect(received).toEqual([{ a: true }]);

    // A dropped connection the browser is retrying (CONNECTING) is left to the browser.
    first.readyState = 0;
    first.fire('error');
    vi.advanceTimersByTime(60_000);
    expect(FakeSource.opened).toHaveLength(1);

    // Closed for good (an HTTP error): reopened after the backoff, which doubles.
    first.readyState = 2;
    first.fire('error');
    vi.advanceTimersByTime(799);
    expect(FakeSource.opened).toHaveLength(1);
    vi.advanceTimersByTime(1_201);
    expect(FakeSource.opened).toHaveLength(2);
    const second = FakeSource.opened[1]!;
    second.readyState = 2;
    second.fire('error');
    vi.advanceTimersByTime(1_599);
    expect(FakeSource.opened).toHaveLength(2);
    vi.advanceTimersByTime(1_000);
    expect(FakeSource.opened).toHaveLength(3);

    const third = FakeSource.opened[2]!;
    third.fire('values', '{"a":false}');
    expect(received).toEqual([{ a: true }, { a: false }]);
    stop();
    expect(third.closed).toBe(true);
    third.fire('error');
    vi.advanceTimersByTime(60_000);
    expect(FakeSource.opened).toHaveLength(3);
  });

  it('does nothing where there is no EventSource (server rendering, old runtimes)', () => {
    const stop = followValues('/flags/stream', () => {});
    expect(typeof stop).toBe('function');
    stop();
  });
});

describe('flagValuesStream', () => {
  it('streams the request context\'s values on connect and when they change, heartbeats, and cleans up on close', async () => {
    const source = new MemorySource(signedBundle({ version: 1 }));
    const { client } = testClient({ source });
    await client.ready();
    let active = 0;
    const on = client.on.bind(client);
    vi.spyOn(client, 'on').mockImplementation((event, listener) => {
      active++;
      const off = on(event, listener);
      return () => {
        active--;
        off();
      };
    });
    let closed!: () => void;
    const whenClosed = new Promise<void>((resolve) => (closed = resolve));
    const handler = flagValuesStream(client, { context: (req) => ({ accountId: String(req.query.account) }), heartbeatInterval: 50 });
    const app = express();
    app.get('/flags/stream', (req, res, next) => {
      void handler(req, res, next);
      res.on('close', closed);
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/flags/stream?account=acct_internal_1`);
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      const events = sseReader(response);
      expect(await events.next()).toEqual({ event: 'retry', data: '3000' });
      const initial = JSON.parse((await events.nextOf('values')).data);
      expect(initial).toMatchObject({ 'new-pdf-engine': true, 'bulk-invoice-api': false, 'maintenance-mode': false });

      // A new bundle that changes nothing for this account sends nothing; the next change is sent.
      await source.update(signedBundle({ version: 2, edit: (p) => void (p.flags['bulk-invoice-api']!.rules[0]!.name = 'renamed') }));
      await source.update(signedBundle({ version: 3, edit: (p) => void (p.flags['new-pdf-engine']!.killed = true) }));
      expect(JSON.parse((await events.nextOf('values')).data)).toEqual({ ...initial, 'new-pdf-engine': false });
      expect(await events.nextOf(':')).toEqual({ event: ':', data: 'heartbeat' });
      expect(active).toBe(2);

      await events.cancel();
      await whenClosed;
      expect(active).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
