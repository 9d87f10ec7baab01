import type { ClientError } from '../../../src/sdk/errors.js';
import { createClient, type ClientEvents, type ClientOptions, type FlagsClient } from '../../../src/sdk/index.js';
import { afterEach } from 'vitest';
import { trusted } from './bundles.js';

const open: FlagsClient[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.close()));
});

/** A client that never polls on its own (tests drive it with refresh()) and records its errors. */
export function testClient(options: Partial<ClientOptions> & Pick<ClientOptions, 'source'>) {
  const client = createClient({
    environment: 'production',
    keys: trusted,
    pollInterval: 3_600_000,
    timeout: 2_000,
    requestTimeout: 300,
    logger: { warn: () => {} },
    ...options,
  });
  open.push(client);
  const errors: ClientError[] = [];
  client.on('error', (error) => errors.push(error));
  return { client, errors };
}

/** Resolves with the next event of that name. */
export function nextEvent<E extends keyof ClientEvents>(client: FlagsClient, event: E): Promise<ClientEvents[E]> {
  return new Promise((resolve) => {
    const off = client.on(event, (payload) => {
      off();
      resolve(payload);
    });
  });
}
