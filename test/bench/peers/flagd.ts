import { FlagdCore } from '@openfeature/flagd-core';
import type { FlagSpec } from '../specs.js';
import type { Subject } from './types.js';

const v = (name: string) => ({ var: name });
const bool = { on: true, off: false };

/** flagd flag definitions: json-logic targeting, `fractional` for percentages. */
function toFlagd(spec: FlagSpec): object {
  switch (spec.shape) {
    case 'rollout':
      return { state: 'ENABLED', variants: bool, defaultVariant: 'off', targeting: { if: [{ in: [v('accountId'), spec.allow] }, 'on',
        { fractional: [{ cat: [v('$flagd.flagKey'), v('accountId')] }, ['on', spec.percent], ['off', 100 - spec.percent]] }] } };
    case 'experiment':
      return { state: 'ENABLED', variants: { control: spec.values[0], treatment: spec.values[1] }, defaultVariant: 'control',
        targeting: { fractional: [{ cat: [v('$flagd.flagKey'), v('userId')] }, ['control', 50], ['treatment', 50]] } };
    case 'targeted':
      return { state: 'ENABLED', variants: bool, defaultVariant: 'off',
        targeting: { if: [{ and: [{ '==': [v('plan'), spec.plan] }, { in: [v('country'), spec.countries] }] }, 'on', 'off'] } };
    case 'allow':
      return { state: 'ENABLED', variants: bool, defaultVariant: 'off', targeting: { if: [{ in: [v('accountId'), spec.allow] }, 'on', 'off'] } };
    case 'switch':
      return { state: 'ENABLED', variants: bool, defaultVariant: 'off' };
  }
}

export const flagd: Subject = {
  name: '@openfeature/flagd-core',
  note: 'resolveBooleanEvaluation / resolveStringEvaluation',
  serialize: (flags) => JSON.stringify({ flags: Object.fromEntries(flags.map((spec) => [spec.key, toFlagd(spec)])) }),
  async load(text) {
    const core = new FlagdCore();
    core.setConfigurations(text);
    return {
      contexts: (contexts) => contexts.map((c) => ({ targetingKey: c.userId, ...c })),
      evaluate: (spec, context) => spec.shape === 'experiment'
        ? core.resolveStringEvaluation(spec.key, '', context as never)
        : core.resolveBooleanEvaluation(spec.key, false, context as never),
      close() {},
    };
  },
};
