import type { BundlePayload, CompiledFlag } from '../../../src/sdk/bundle/types.js';
import { createEvaluator } from '../../../src/sdk/evaluate/index.js';
import type { FlagSpec } from '../specs.js';
import type { Subject } from './types.js';

const ON_OFF = { values: [true, false], names: ['on', 'off'], type: 'boolean' as const, kill: 1 };
const cond = (attr: string, op: 'eq' | 'in', value: string | string[]) => ({ attr, op, value });

/** The compiled form `flags compile` produces for each shape (written by hand, as the vectors are). */
function compile(spec: FlagSpec): CompiledFlag {
  switch (spec.shape) {
    case 'rollout':
      return { ...ON_OFF, salt: spec.key, rules: [{ name: 'internal accounts', when: [cond('accountId', 'in', spec.allow)], serve: { v: 0 } }],
        default: { split: [spec.percent * 1000, spec.percent * 1000], by: 'accountId' } };
    case 'experiment':
      return { values: spec.values, names: ['control', 'treatment'], type: 'string', kill: 0, salt: spec.key, rules: [], default: { split: [50_000, 100_000], by: 'userId' } };
    case 'targeted':
      return { ...ON_OFF, salt: spec.key, rules: [{ when: [cond('plan', 'eq', spec.plan), cond('country', 'in', spec.countries)], serve: { v: 0 } }], default: { v: 1 } };
    case 'allow':
      return { ...ON_OFF, salt: spec.key, rules: [{ when: [cond('accountId', 'in', spec.allow)], serve: { v: 0 } }], default: { v: 1 } };
    case 'switch':
      return { ...ON_OFF, kill: 0, salt: spec.key, rules: [], default: { v: 1 } };
  }
}

function serialize(flags: FlagSpec[]): string {
  const payload: BundlePayload = { format: 1, environment: 'production', version: 1, issuedAt: '', expiresAt: '', source: 'bench',
    flags: Object.fromEntries(flags.map((spec) => [spec.key, compile(spec)])), segments: {} };
  return JSON.stringify(payload);
}

const defaultOf = (spec: FlagSpec) => (spec.shape === 'experiment' ? '' : false);

function subject(name: string, note: string, path: 'evaluate' | 'value'): Subject {
  return {
    name, note, serialize,
    async load(text) {
      const evaluator = createEvaluator(JSON.parse(text));
      return {
        contexts: (contexts) => contexts,
        evaluate: path === 'evaluate'
          ? (spec, context) => evaluator.evaluate(spec.key, context as Record<string, unknown>, defaultOf(spec))
          : (spec, context) => evaluator.value(spec.key, context as Record<string, unknown>, defaultOf(spec)),
        close() {},
      };
    },
  };
}

export const flagopsEvaluate = subject('flagops evaluate', 'evaluate(key, ctx, default): Resolution with reason', 'evaluate');
export const flagopsValue = subject('flagops value', 'value(key, ctx, default)', 'value');
