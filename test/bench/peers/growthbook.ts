import { GrowthBookClient } from '@growthbook/growthbook';
import type { FlagSpec } from '../specs.js';
import type { Subject } from './types.js';

/** GrowthBook feature definitions: force rules with conditions, coverage + hashAttribute for percentages. */
function toFeature(spec: FlagSpec): object {
  switch (spec.shape) {
    case 'rollout':
      return { defaultValue: false, rules: [{ condition: { accountId: { $in: spec.allow } }, force: true },
        { force: true, coverage: spec.percent / 100, hashAttribute: 'accountId' }] };
    case 'experiment':
      return { defaultValue: spec.values[0], rules: [{ key: spec.key, variations: spec.values, weights: [0.5, 0.5], coverage: 1, hashAttribute: 'userId' }] };
    case 'targeted':
      return { defaultValue: false, rules: [{ condition: { plan: spec.plan, country: { $in: spec.countries } }, force: true }] };
    case 'allow':
      return { defaultValue: false, rules: [{ condition: { accountId: { $in: spec.allow } }, force: true }] };
    case 'switch':
      return { defaultValue: false };
  }
}

export const growthbook: Subject = {
  name: '@growthbook/growthbook',
  note: 'GrowthBookClient.evalFeature(key, { attributes })',
  serialize: (flags) => JSON.stringify({ features: Object.fromEntries(flags.map((spec) => [spec.key, toFeature(spec)])) }),
  async load(text) {
    const client = new GrowthBookClient().initSync({ payload: JSON.parse(text) });
    return {
      contexts: (contexts) => contexts.map((attributes) => ({ attributes })),
      evaluate: (spec, context) => client.evalFeature(spec.key, context as never),
      close: () => client.destroy(),
    };
  },
};
