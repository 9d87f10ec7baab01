import { InMemStorageProvider, Unleash } from 'unleash-client';
import type { FlagSpec } from '../specs.js';
import type { Subject } from './types.js';

const inList = (contextName: string, values: string[]) => ({ contextName, operator: 'IN', values });
const rollout = (key: string, percent: number, stickiness: string, constraints: object[] = []) =>
  ({ name: 'flexibleRollout', parameters: { rollout: String(percent), stickiness, groupId: key }, constraints });

/** Unleash feature toggles: flexibleRollout strategies with constraints; variants for the experiment. */
function toFeature(spec: FlagSpec): object {
  const base = { name: spec.key, enabled: true, type: 'release', project: 'default' };
  switch (spec.shape) {
    case 'rollout':
      return { ...base, strategies: [rollout(spec.key, 100, 'default', [inList('accountId', spec.allow)]), rollout(spec.key, spec.percent, 'accountId')] };
    case 'experiment':
      return { ...base, strategies: [rollout(spec.key, 100, 'userId')], variants: [
        { name: 'control', weight: 500, stickiness: 'userId', payload: { type: 'string', value: spec.values[0] } },
        { name: 'treatment', weight: 500, stickiness: 'userId', payload: { type: 'string', value: spec.values[1] } }] };
    case 'targeted':
      return { ...base, strategies: [rollout(spec.key, 100, 'default', [inList('plan', [spec.plan]), inList('country', spec.countries)])] };
    case 'allow':
      return { ...base, strategies: [rollout(spec.key, 100, 'default', [inList('accountId', spec.allow)])] };
    case 'switch':
      return { ...base, enabled: false, strategies: [] };
  }
}

export const unleash: Subject = {
  name: 'unleash-client',
  note: 'isEnabled / getVariant; bootstrap, refreshInterval 0 (no fetch), metrics off',
  serialize: (flags) => JSON.stringify(flags.map(toFeature)),
  async load(text) {
    const client = new Unleash({
      appName: 'bench', url: 'http://127.0.0.1:9/unused', refreshInterval: 0, disableMetrics: true,
      skipInstanceCountWarning: true, storageProvider: new InMemStorageProvider(), bootstrap: { data: JSON.parse(text) },
    });
    await new Promise((resolve) => client.once('ready', resolve));
    return {
      contexts: (contexts) => contexts.map((c) => ({ userId: c.userId, properties: { accountId: c.accountId, plan: c.plan, country: c.country, email: c.email } })),
      evaluate: (spec, context) => spec.shape === 'experiment' ? client.getVariant(spec.key, context as never) : client.isEnabled(spec.key, context as never),
      close: () => client.destroy(),
    };
  },
};
