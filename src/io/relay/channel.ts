import type { ServerResponse } from 'node:http';
import type { TrustedKey } from '../../sdk/bundle/index.js';
import { admitRelayBundle, type RelayedBundle } from './admit.js';
import { now, type RelayListener } from './events.js';
import { Subscriber } from './subscriber.js';

/** One environment: the newest admitted bundle and the SSE connections waiting for the next. */
export class Channel {
  current: RelayedBundle | undefined;
  #frame: Buffer | undefined;
  readonly #subscribers = new Set<Subscriber>();
  #queue: Promise<void> = Promise.resolve();
  dropped = 0;

  constructor(readonly environment: string, private readonly keys: TrustedKey[], private readonly listener: RelayListener) {}

  get subscribers(): number {
    return this.#subscribers.size;
  }

  /** Checks bytes from the upstream and, when they are a newer bundle, pushes them to every subscriber. Serial per environment. */
  offer(bytes: Uint8Array, origin: string): Promise<void> {
    this.#queue = this.#queue.then(() => this.#admit(bytes, origin));
    return this.#queue;
  }

  /** Starts an SSE stream on `res`: the current bundle unless `lastEventId` says the client has it (or a newer one). */
  subscribe(res: ServerResponse, lastEventId: string | undefined, retry: number): Subscriber {
    const subscriber = new Subscriber(res, (s) => this.#subscribers.delete(s));
    this.#subscribers.add(subscriber);
    subscriber.send(`retry: ${retry}\n\n`);
    if (this.#frame && this.current && !hasVersion(lastEventId, this.current.version)) subscriber.send(this.#frame);
    return subscriber;
  }

  ping(): void {
    for (const s of this.#subscribers) s.ping(': ping\n\n');
  }

  close(): void {
    for (const s of [...this.#subscribers]) s.end();
  }

  async #admit(bytes: Uint8Array, origin: string): Promise<void> {
    const admission = await admitRelayBundle(bytes, this.environment, this.keys, this.current);
    if (admission.kind === 'same') return;
    if (admission.kind === 'refuse') {
      this.listener({ type: 'refused', environment: this.environment, origin, reason: admission.reason, at: now() });
      return;
    }
    const { bundle } = admission;
    const previous = this.current?.version;
    this.current = bundle;
    this.#frame = Buffer.from(`event: bundle\nid: ${bundle.version}\ndata: ${bundle.line}\n\n`);
    for (const s of [...this.#subscribers]) if (!s.send(this.#frame)) this.dropped++;
    this.listener({ type: 'bundle', environment: this.environment, version: bundle.version, previous, digest: bundle.digest, source: bundle.source, subscribers: this.#subscribers.size, at: now() });
  }
}

/**
 * The event id is the bundle version. A client that saw a newer version (from another relay
 * behind the same load balancer, ahead of this one) would only refuse this one as a rollback.
 */
function hasVersion(lastEventId: string | undefined, version: number): boolean {
  return lastEventId !== undefined && /^\d+$/.test(lastEventId) && Number(lastEventId) >= version;
}
