import { createInstance } from '@featurevisor/sdk';
import type { FlagSpec } from '../specs.js';
import type { Subject } from './types.js';

const everyone = (percentage: number) => ({ key: 'everyone', segments: '*', percentage });

/** A Featurevisor v2 datafile: segments of conditions, traffic rules with percentages in 0 … 100,000. */
function toFeature(spec: FlagSpec, segments: Record<string, object>): object {
  const segment = (conditions: object[]) => {
    segments[spec.key] = { conditions };
    return { key: 'targeted', segments: spec.key, percentage: 100_000 };
  };
  switch (spec.shape) {
    case 'rollout':
      return { bucketBy: 'accountId', traffic: [segment([{ attribute: 'accountId', operator: 'in', value: spec.allow }]), everyone(spec.percent * 1000)] };
    case 'experiment':
      return { bucketBy: 'userId', variations: [{ value: 'control' }, { value: 'treatment' }], traffic: [{ ...everyone(100_000), allocation: [
        { variation: 'control', range: [0, 50_000] }, { variation: 'treatment', range: [50_000, 100_000] }] }] };
    case 'targeted':
      return { bucketBy: 'userId', traffic: [segment([{ attribute: 'plan', operator: 'equals', value: spec.plan }, { attribute: 'country', operator: 'in', value: spec.countries }]), everyone(0)] };
    case 'allow':
      return { bucketBy: 'userId', traffic: [segment([{ attribute: 'accountId', operator: 'in', value: spec.allow }]), everyone(0)] };
    case 'switch':
      return { bucketBy: 'userId', traffic: [everyone(0)] };
  }
}

export const featurevisor: Subject = {
  name: '@featurevisor/sdk',
  note: 'isEnabled / getVariation on a v2 datafile',
  serialize(flags) {
    const segments: Record<string, object> = {};
    const features = Object.fromEntries(flags.map((spec) => [spec.key, toFeature(spec, segments)]));
    return JSON.stringify({ schemaVersion: '2', revision: '1', segments, features });
  },
  async load(text) {
    const instance = createInstance({ datafile: JSON.parse(text), logLevel: 'fatal' });
    return {
      contexts: (contexts) => contexts,
      evaluate: (spec, context) => spec.shape === 'experiment' ? instance.getVariation(spec.key, context as never) : instance.isEnabled(spec.key, context as never),
      close: () => instance.close(),
    };
  },
};
