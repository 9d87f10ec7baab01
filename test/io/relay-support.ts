import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { RelayEvent } from '../../src/io/relay/events.js';
import { startRelay, type Relay, type RelayOptions } from '../../src/io/relay/server.js';
import { trusted } from '../sdk/support/bundles.js';
import { tempDir } from '../support/tmp.js';

const open: Relay[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((relay) => relay.close()));
});

export interface TestRelay {
  relay: Relay;
  dir: string;
  events: RelayEvent[];
  stream: string;
  json: string;
  /** Publishes text as production.json the way `flags publish` does: temp file, then rename. */
  publish(text: string): Promise<void>;
  /** Resolves with the next relay event of that type. */
  next(type: RelayEvent['type']): Promise<RelayEvent>;
}

/** A relay on 127.0.0.1:0 over a temp folder (production only, the test keyring, fast retry hint). */
export async function startTestRelay(options: Partial<RelayOptions> & { dir?: string; initial?: string } = {}): Promise<TestRelay> {
  const dir = options.dir ?? (await tempDir('flagops-relay-'));
  const publish = async (text: string) => {
    const temp = path.join(dir, `.production.json.${Math.random().toString(36).slice(2)}.tmp`);
    await writeFile(temp, text);
    await rename(temp, path.join(dir, 'production.json'));
  };
  if (options.initial !== undefined) await publish(options.initial);
  const events: RelayEvent[] = [];
  const waiters: { type: RelayEvent['type']; resolve: (e: RelayEvent) => void }[] = [];
  const relay = await startRelay({
    from: dir, environments: ['production'], keys: trusted, port: 0, retry: 50, closeGrace: 50, ...options,
    onEvent: (event) => {
      events.push(event);
      const i = waiters.findIndex((w) => w.type === event.type);
      if (i !== -1) waiters.splice(i, 1)[0]!.resolve(event);
    },
  });
  open.push(relay);
  return {
    relay, dir, events, publish,
    stream: `${relay.url}/production/stream`,
    json: `${relay.url}/production.json`,
    next: (type) => new Promise((resolve) => waiters.push({ type, resolve })),
  };
}

/** Reads an SSE response until `count` bundle events arrived; returns their ids and the raw text. */
export async function readBundleEvents(response: Response, count: number): Promise<{ ids: string[]; text: string }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const ids = () => [...text.matchAll(/^event: bundle\nid: (\d+)\n/gm)].map((m) => m[1]!);
  while (ids().length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return { ids: ids(), text };
}
