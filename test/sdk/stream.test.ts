import { describe, expect, it } from 'vitest';
import { serveEverywhere, signedBundle, tampered } from './support/bundles.js';
import { nextEvent, testClient } from './support/client.js';
import { startOrigin } from './support/origin.js';
import { bundleFrame, startSseServer } from './support/sse-server.js';
import { defaultPollUrl, StreamSource } from '../../src/sdk/sources/stream.js';
import { startTestRelay } from '../io/relay-support.js';

const V1 = signedBundle({ version: 1 });
const V2 = signedBundle({ version: 2, edit: serveEverywhere('maintenance-mode', 0) });

describe('stream source', () => {
  it('verifies every streamed envelope like any other: a tampered one is refused and the last good bundle keeps serving', async () => {
    const sse = await startSseServer();
    try {
      const { client, errors } = testClient({ source: { stream: sse.url, poll: false } });
      const res = await sse.connection();
      res.write(`retry: 20\n\n${bundleFrame(V1, 1)}`);
      expect(await client.ready()).toBe(true);

      const refused = nextEvent(client, 'error');
      res.write(bundleFrame(tampered(V2), 2));
      expect(await refused).toMatchObject({ code: 'SIGNATURE_INVALID', message: expect.stringMatching(/still serving version 1/) });
      expect(client.isEnabled('maintenance-mode', {})).toBe(false);

      // Split mid-line, CRLF line ends, a heartbeat in between: one event all the same.
      const change = nextEvent(client, 'change');
      const frame = `: ping\r\n\r\n${bundleFrame(V2, 2).replace(/\n/g, '\r\n')}`;
      res.write(frame.slice(0, 50));
      res.write(frame.slice(50));
      expect(await change).toMatchObject({ version: 2 });
      expect(errors.map((e) => e.code)).toEqual(['SIGNATURE_INVALID']);
    } finally {
      await sse.close();
    }
  });

  it('reconnects after the server ends the stream, sending Last-Event-ID', async () => {
    const sse = await startSseServer();
    try {
      const { client, errors } = testClient({ source: { stream: sse.url, poll: false } });
      const first = await sse.connection();
      first.write(`retry: 10\n\n${bundleFrame(V1, 1)}`);
      await client.ready();
      first.end();
      const second = await sse.connection();
      expect(sse.lastEventIds).toEqual(['', '1']);
      const change = nextEvent(client, 'change');
      second.write(bundleFrame(V2, 2));
      expect(await change).toMatchObject({ version: 2 });
      expect(errors).toEqual([]);
    } finally {
      await sse.close();
    }
  });

  it('a silent connection (not even a heartbeat) counts as dead: it reconnects with Last-Event-ID', async () => {
    const sse = await startSseServer();
    try {
      const source = new StreamSource(sse.url, { pollUrl: false, pollInterval: 3_600_000, requestTimeout: 1000, maxBackoff: 3_600_000, idleTimeout: 100 });
      const { client } = testClient({ source });
      const first = await sse.connection();
      first.write(`retry: 10\n\n${bundleFrame(V1, 1)}`);
      await client.ready();
      const timedOut = nextEvent(client, 'error');
      expect(await timedOut).toMatchObject({ code: 'SOURCE_TIMEOUT', message: expect.stringContaining('sent nothing (not even a heartbeat) for 100 ms') });
      await sse.connection();
      expect(sse.lastEventIds).toEqual(['', '1']);
    } finally {
      await sse.close();
    }
  });

  it('says so when the URL is not an event stream, and polls meanwhile', async () => {
    const sse = await startSseServer();
    const origin = await startOrigin(V1);
    try {
      sse.next((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'));
      const { client, errors } = testClient({ source: { stream: sse.url, poll: origin.url } });
      expect(await client.ready()).toBe(true);
      expect(errors[0]).toMatchObject({ code: 'SOURCE_HTTP_STATUS', message: expect.stringContaining('answered text/html, not text/event-stream') });
      expect(client.status().source).toMatchObject({ kind: 'stream', mode: 'poll', healthy: true });
      expect(origin.requests).toHaveLength(1);
    } finally {
      await sse.close();
      await origin.close();
    }
  });

  it('when the relay dies, falls back to polling and keeps up with new bundles', async () => {
    const t = await startTestRelay({ initial: V1 });
    const cdn = await startOrigin(V1);
    try {
      const { client, errors } = testClient({ source: { stream: t.stream, poll: cdn.url }, pollInterval: 50 });
      await client.ready();
      expect(client.status().source.mode).toBe('stream');
      await t.relay.close();
      cdn.serve(V2);
      const change = nextEvent(client, 'change');
      expect(await change).toMatchObject({ version: 2 });
      expect(client.status().source).toMatchObject({ mode: 'poll' });
      expect(errors[0]).toMatchObject({ code: 'SOURCE_UNREACHABLE', message: expect.stringContaining(`polling ${cdn.url} meanwhile`) });
    } finally {
      await cdn.close();
    }
  });

  it('refresh() polls the relay\'s .json endpoint once', async () => {
    const t = await startTestRelay({ initial: V1 });
    const { client } = testClient({ source: { stream: t.stream } });
    await client.ready();
    await client.refresh();
    expect(client.status()).toMatchObject({ version: 1, source: { mode: 'stream' } });
  });

  it('derives the polling URL from the stream URL', () => {
    expect(defaultPollUrl('http://relay:8787/production/stream')).toBe('http://relay:8787/production.json');
    expect(defaultPollUrl('https://x.test/flags/staging/stream/?a=1')).toBe('https://x.test/flags/staging.json?a=1');
    expect(defaultPollUrl('https://x.test/events')).toBeUndefined();
  });
});
