import { basicLogger, init, integrations, type LDClient } from '@launchdarkly/node-server-sdk';
import type { FlagSpec } from '../specs.js';
import type { Subject } from './types.js';

const clause = (attribute: string, values: string[]) => ({ attribute, op: 'in', values, negate: false });
const rule = (id: string, clauses: object[]) => ({ id, clauses, variation: 0 });

/** LaunchDarkly server-side flag models: rules of clauses, fallthrough rollouts with bucketBy. */
function toFlag(spec: FlagSpec): object {
  const base = { key: spec.key, version: 1, on: true, salt: spec.key, variations: [true, false], offVariation: 1, targets: [], prerequisites: [], rules: [] as object[], fallthrough: { variation: 1 } as object };
  switch (spec.shape) {
    case 'rollout':
      return { ...base, rules: [rule('internal', [clause('accountId', spec.allow)])], fallthrough: { rollout: { bucketBy: 'accountId',
        variations: [{ variation: 0, weight: spec.percent * 1000 }, { variation: 1, weight: 100_000 - spec.percent * 1000 }] } } };
    case 'experiment':
      return { ...base, variations: spec.values, offVariation: 0, fallthrough: { rollout: { bucketBy: 'key', variations: [{ variation: 0, weight: 50_000 }, { variation: 1, weight: 50_000 }] } } };
    case 'targeted':
      return { ...base, rules: [rule('free-us-uk', [clause('plan', [spec.plan]), clause('country', spec.countries)])] };
    case 'allow':
      return { ...base, rules: [rule('contracted', [clause('accountId', spec.allow)])] };
    case 'switch':
      return { ...base, on: false };
  }
}

/**
 * LaunchDarkly's `variation` is asynchronous (callback or promise). With its in-memory store the
 * callback runs before `variation` returns, so the bench calls it with a callback in a plain loop
 * (checked at load) instead of awaiting a promise per call, which would only add microtask cost.
 */
export const launchdarkly: Subject = {
  name: '@launchdarkly/node-server-sdk',
  note: 'variationDetail with a callback (runs synchronously), TestData, offline events',
  serialize: (flags) => JSON.stringify(flags.map(toFlag)),
  async load(text) {
    const td = new integrations.TestData();
    for (const flag of JSON.parse(text)) await td.usePreconfiguredFlag(flag);
    const client: LDClient = init('sdk-key-bench', { updateProcessor: td.getFactory(), sendEvents: false, diagnosticOptOut: true, logger: basicLogger({ level: 'none' }) });
    await client.waitForInitialization({ timeout: 30 });
    let last: unknown;
    const store = (detail: unknown) => { last = detail; };
    const evaluate = (spec: FlagSpec, context: unknown) => {
      last = undefined;
      void client.variationDetail(spec.key, context as never, spec.shape === 'experiment' ? '' : false, (_error, detail) => store(detail));
      return last;
    };
    if (evaluate({ key: 'probe', shape: 'switch' }, { kind: 'user', key: 'probe' }) === undefined) throw new Error('LaunchDarkly answered asynchronously; the bench needs another driver');
    return {
      contexts: (contexts) => contexts.map((c) => ({ kind: 'user', key: c.userId, accountId: c.accountId, plan: c.plan, country: c.country, email: c.email })),
      evaluate,
      close: () => client.close(),
    };
  },
};
