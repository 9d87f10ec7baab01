import { generateKeyPair, signPayload } from '../../../src/core/sign.js';
import type { BundlePayload, CompiledFlag } from '../../../src/sdk/bundle/types.js';
import { createEvaluator } from '../../../src/sdk/evaluate/index.js';
import { createClient } from '../../../src/sdk/index.js';
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

function payloadOf(flags: FlagSpec[]): BundlePayload {
  return { format: 1, environment: 'production', version: 1, issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2099-01-01T00:00:00Z', source: 'bench',
    flags: Object.fromEntries(flags.map((spec) => [spec.key, compile(spec)])), segments: {} };
}

const defaultOf = (spec: FlagSpec) => (spec.shape === 'experiment' ? '' : false);

function evaluatorSubject(name: string, note: string, path: 'evaluate' | 'value'): Subject {
  return {
    name, note,
    serialize: (flags) => JSON.stringify(payloadOf(flags)),
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

const signingKey = generateKeyPair();
export const signingPub = signingKey.publicKey;
const silent = { warn() {} };

/** The product path: a signed envelope verified and loaded by `createClient`, counters on (they always are). */
function clientSubject(name: string, note: string, path: 'evaluate' | 'isEnabled'): Subject {
  return {
    name, note,
    serialize: (flags) => JSON.stringify(signPayload(payloadOf(flags), signingKey.privateKeyPem)),
    async load(text) {
      const client = createClient({ source: text, environment: 'production', keys: [{ publicKey: signingKey.publicKey }], logger: silent });
      if (!(await client.ready())) throw new Error(`the flagops client did not load the bench bundle: ${client.status().lastError?.message}`);
      return {
        contexts: (contexts) => contexts,
        evaluate: path === 'evaluate'
          ? (spec, context) => client.evaluate(spec.key, context as Record<string, unknown>, defaultOf(spec))
          : (spec, context) => spec.shape === 'experiment'
            ? client.variation(spec.key, context as Record<string, unknown>, '')
            : client.isEnabled(spec.key, context as Record<string, unknown>),
        close: () => client.close(),
      };
    },
  };
}

export const flagopsClientEvaluate = clientSubject('flagops client.evaluate', 'createClient from a signed in-memory envelope; evaluate(key, ctx, default) → Resolution; counters on', 'evaluate');
export const flagopsClientIsEnabled = clientSubject('flagops client.isEnabled', 'the same client; isEnabled / variation (experiment); counters on', 'isEnabled');
export const flagopsEvaluator = evaluatorSubject('flagops evaluator', 'createEvaluator(payload).evaluate: the evaluator alone, no verification, no counters', 'evaluate');
