import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { Subscriber } from '../../src/io/relay/subscriber.js';
import { serveEverywhere, signedBundle, stranger, tampered, trusted } from '../sdk/support/bundles.js';
import { nextEvent, testClient } from '../sdk/support/client.js';
import { readBundleEvents, startTestRelay } from './relay-support.js';

const V1 = signedBundle({ version: 1 });
const V2 = signedBundle({ version: 2, edit: serveEverywhere('maintenance-mode', 0) });

describe('relay: streams', () => {
  it('pushes a bundle published into the folder (atomic rename) to a client connected over SSE', async () => {
    const t = await startTestRelay({ initial: V1 });
    const { client, errors } = testClient({ source: { stream: t.stream } });
    expect(await client.ready()).toBe(true);
    expect(client.status()).toMatchObject({ version: 1, source: { kind: 'stream', mode: 'stream', healthy: true } });
    expect(client.isEnabled('maintenance-mode', {})).toBe(false);

    const change = nextEvent(client, 'change');
    await t.publish(V2);
    expect(await change).toMatchObject({ version: 2, previousVersion: 1, keys: ['maintenance-mode'] });
    expect(client.isEnabled('maintenance-mode', {})).toBe(true);
    expect(errors).toEqual([]);
    expect(t.events.filter((e) => e.type === 'bundle').map((e) => e.type === 'bundle' && [e.version, e.subscribers])).toEqual([[1, 0], [2, 1]]);
  });

  it('sends the current bundle on connect, but not to a client whose Last-Event-ID is that version or newer', async () => {
    const t = await startTestRelay({ initial: V1 });
    const fresh = await readBundleEvents(await fetch(t.stream), 1);
    expect(fresh.ids).toEqual(['1']);
    expect(fresh.text).toMatch(/^retry: 50\n\nevent: bundle\nid: 1\ndata: \{"payloadType":.*\}\n\n$/);

    const resumed = await fetch(t.stream, { headers: { 'last-event-id': '1' } });
    // Ahead of this relay (another relay behind the same balancer was faster): not sent an older one.
    const ahead = await fetch(t.stream, { headers: { 'last-event-id': '5' } });
    expect(resumed.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const published = t.next('bundle');
    await t.publish(V2);
    await published;
    // The first event each one gets is the push of version 2: version 1 was not sent on connect.
    expect((await readBundleEvents(resumed, 1)).ids).toEqual(['2']);
    expect((await readBundleEvents(ahead, 1)).ids).toEqual(['2']);
  });

  it('refuses a tampered, foreign-signed or older bundle; clients keep the last good one', async () => {
    const t = await startTestRelay({ initial: signedBundle({ version: 5 }) });
    const { client, errors } = testClient({ source: { stream: t.stream, poll: false } });
    await client.ready();
    for (const [bad, reason] of [
      [tampered(signedBundle({ version: 6 })), /signature does not match/],
      [signedBundle({ version: 7 }, stranger.privateKeyPem), /not in the trusted keyring/],
      [signedBundle({ version: 4 }), /version 4 is older than version 5/],
      [signedBundle({ version: 5, edit: serveEverywhere('maintenance-mode', 0) }), /already relayed with different contents/],
      [signedBundle({ version: 8, environment: 'staging' }), /for environment "staging"/],
    ] as const) {
      const refused = t.next('refused');
      await t.publish(bad);
      expect(await refused).toMatchObject({ environment: 'production', reason: expect.stringMatching(reason) });
    }
    const body = await (await fetch(t.json)).text();
    expect(body).toBe(signedBundle({ version: 5 }));
    expect(client.status().version).toBe(5);
    expect(errors).toEqual([]);

    const change = nextEvent(client, 'change');
    await t.publish(signedBundle({ version: 9, edit: serveEverywhere('maintenance-mode', 0) }));
    expect(await change).toMatchObject({ version: 9, previousVersion: 5 });
  });

  it('sends a heartbeat comment to every stream', async () => {
    const t = await startTestRelay({ initial: V1, heartbeatInterval: 20 });
    const response = await fetch(t.stream, { headers: { 'last-event-id': '1' } });
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes(': ping\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toMatch(/^retry: 50\n\n(: ping\n\n)+$/);
  });

  it('after a relay restart the client reconnects and catches up on what it missed', async () => {
    const first = await startTestRelay({ initial: V1 });
    const { client } = testClient({ source: { stream: first.stream, poll: false } });
    await client.ready();
    const port = first.relay.port;
    await first.relay.close();
    await first.publish(V2);
    const change = nextEvent(client, 'change');
    await startTestRelay({ dir: first.dir, port });
    expect(await change).toMatchObject({ version: 2, previousVersion: 1 });
    expect(client.status().source).toMatchObject({ mode: 'stream', healthy: true });
  });

  it('answers 503 beyond maxSubscribers, and the client falls back to polling the .json endpoint', async () => {
    const t = await startTestRelay({ initial: V1, maxSubscribers: 1 });
    const held = await fetch(t.stream);
    const { client, errors } = testClient({ source: { stream: t.stream }, pollInterval: 60_000 });
    expect(await client.ready()).toBe(true);
    expect(errors[0]).toMatchObject({ code: 'SOURCE_HTTP_STATUS', message: expect.stringMatching(/HTTP 503.*polling .*production\.json meanwhile/) });
    expect(client.status().source.mode).toBe('poll');
    await held.body!.cancel();
  });
});

describe('relay: polling endpoint', () => {
  it('serves the envelope bytes with a strong ETag (the payload digest) and answers 304', async () => {
    const t = await startTestRelay({ initial: V1 });
    const first = await fetch(t.json);
    const etag = first.headers.get('etag')!;
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(await first.text()).toBe(V1);
    expect((await fetch(t.json, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(t.json, { headers: { 'if-none-match': '"other", ' + etag } })).status).toBe(304);

    const published = t.next('bundle');
    await t.publish(V2);
    await published;
    const next = await fetch(t.json, { headers: { 'if-none-match': etag } });
    expect(next.status).toBe(200);
    expect(next.headers.get('etag')).not.toBe(etag);
  });

  it('says what it serves on a wrong path; /healthz is 503 until a bundle is there', async () => {
    const t = await startTestRelay();
    const missing = await fetch(`${t.relay.url}/staging.json`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('/production.json, /production/stream');
    expect((await fetch(t.json)).status).toBe(404);
    expect((await fetch(`${t.relay.url}/production.json`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${t.relay.url}/healthz`)).status).toBe(503);

    const published = t.next('bundle');
    await t.publish(V1);
    await published;
    const health = await fetch(`${t.relay.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, environments: { production: { version: 1, subscribers: 0 } } });
  });

  it('relays an upstream origin polled with ETags', async () => {
    const upstream = await startTestRelay({ initial: V1 });
    const t = await startTestRelay({ from: upstream.relay.url, pollInterval: 50 });
    expect(await (await fetch(t.json)).text()).toBe(V1);
    const relayed = t.next('bundle');
    await upstream.publish(V2);
    expect(await relayed).toMatchObject({ version: 2, previous: 1 });
    expect(trusted).toHaveLength(1);
  });
});

describe('relay: slow subscribers', () => {
  /** A response whose socket buffer is full from the first write until it drains. */
  function fullSocket() {
    const res = Object.assign(new EventEmitter(), { writes: [] as string[], destroyed: false, end() {} });
    return Object.assign(res, {
      write(frame: string) {
        res.writes.push(frame);
        return false;
      },
      destroy() {
        res.destroyed = true;
        res.emit('close');
      },
    });
  }

  it('skips heartbeats while a frame is queued, and drops the subscriber when the next bundle comes before it drained', () => {
    const res = fullSocket();
    const gone = vi.fn();
    const subscriber = new Subscriber(res as never, gone);
    expect(subscriber.send('bundle 1')).toBe(true);
    subscriber.ping(': ping\n\n');
    expect(res.writes).toEqual(['bundle 1']);
    res.emit('drain');
    expect(subscriber.send('bundle 2')).toBe(true);
    expect(subscriber.send('bundle 3')).toBe(false);
    expect(res.destroyed).toBe(true);
    expect(gone).toHaveBeenCalledOnce();
    expect(res.writes).toEqual(['bundle 1', 'bundle 2']);
  });
});
