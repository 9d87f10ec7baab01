import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BundlePayload, CompiledFlag } from '../../src/sdk/bundle/types.js';
import { bucketOf, createEvaluator } from '../../src/sdk/evaluate/index.js';

const evaluation = JSON.parse(readFileSync(new URL('../vectors/evaluation.json', import.meta.url), 'utf8'));
const bundle = (flags: Record<string, CompiledFlag>, segments = {}): BundlePayload =>
  ({ format: 1, environment: 'test', version: 1, issuedAt: '', expiresAt: '', source: '', flags, segments });
const vectorPayload = bundle(evaluation.payload.flags, evaluation.payload.segments);

const rollout = (split: number[], names = ['on', 'off'], values: unknown[] = [true, false]): CompiledFlag =>
  ({ values, names, type: typeof values[0], kill: names.length - 1, salt: 'prop', rules: [], default: { split, by: 'userId' } }) as CompiledFlag;

describe('rollout properties', () => {
  it('raising a percentage only ever adds users', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.array(fc.string(), { minLength: 1, maxLength: 50 }),
      (a, b, users) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const evaluator = createEvaluator(bundle({ low: rollout([low, low]), high: rollout([high, high]) }));
        for (const userId of users) {
          if (evaluator.value('low', { userId }, false)) expect(evaluator.value('high', { userId }, false)).toBe(true);
        }
      }));
  });

  it.each([5, 33.333, 50, 99.5])('100,000 users land within ±0.5 points of %d%%', (percent) => {
    const bound = Math.round(percent * 1000);
    const evaluator = createEvaluator(bundle({ f: rollout([bound, bound]) }));
    let on = 0;
    for (let i = 0; i < 100_000; i++) if (evaluator.value('f', { userId: `user-${i}` }, false)) on++;
    expect(Math.abs(on / 1000 - percent)).toBeLessThanOrEqual(0.5);
  });

  it('serves variations by split index, in declaration order, from the bucket', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 40_000 }), { minLength: 2, maxLength: 4 }), fc.string(), (widths, userId) => {
      const split = widths.map((_, i) => Math.min(100_000, widths.slice(0, i + 1).reduce((x, y) => x + y, 0)));
      const names = widths.map((_, i) => `v${i}`);
      const evaluator = createEvaluator(bundle({ f: { ...rollout(split, names, names), salt: 'order' } }));
      const bucket = bucketOf('order', userId);
      const index = split.findIndex((upper) => bucket < upper);
      const expected = userId === '' ? names.length - 1 : index === -1 ? names.length - 1 : index;
      expect(evaluator.evaluate('f', { userId }).variation).toBe(names[expected]);
      expect(evaluator.explain('f', { userId }).bucket).toBe(userId === '' ? undefined : bucket);
    }));
  });

  it('is deterministic across calls and evaluator instances', () => {
    const first = createEvaluator(vectorPayload);
    const second = createEvaluator(structuredClone(vectorPayload));
    fc.assert(fc.property(fc.constantFrom(...first.keys()), contextArbitrary(), (key, context) => {
      expect(first.evaluate(key, context)).toEqual(second.evaluate(key, context));
      expect(first.evaluate(key, context)).toBe(first.evaluate(key, context));
    }));
  });
});

function contextArbitrary() {
  const attribute = fc.constantFrom('userId', 'accountId', 'plan', 'country', 'email', 'age', 'signup', 'app', 'beta', 'account',
    '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'account.plan');
  const junk = fc.oneof(fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withNullPrototype: true }),
    fc.constantFrom('free', 'pro', 'US', 'acct_1001', 'acct_beta_1', 'a@flagops.dev', '1.2.3', 18, NaN, -0, Infinity, 'x'.repeat(200_000)));
  // Half the contexts also carry an own `__proto__` key, as JSON.parse makes them.
  return fc.tuple(fc.dictionary(attribute, junk, { maxKeys: 8 }), fc.boolean())
    .map(([ctx, proto]) => (proto ? Object.assign(JSON.parse('{"__proto__": {"plan": "pro"}}'), ctx) : ctx));
}

/** Contexts built to break evaluators: throwing getters, throwing proxies, cycles, prototype tricks. */
function hostileContexts(): unknown[] {
  const cyclic: Record<string, unknown> = { userId: 'u1' };
  cyclic.account = cyclic;
  const getter = Object.defineProperty({}, 'accountId', { enumerable: true, get: () => { throw new Error('boom'); } });
  const proxy = new Proxy({}, { get: () => { throw new Error('trap'); }, has: () => { throw new Error('trap'); }, getOwnPropertyDescriptor: () => { throw new Error('trap'); } });
  return [null, undefined, 0, 'user', Symbol('s'), () => 1, [], [1, 2], cyclic, getter, proxy, JSON.parse('{"__proto__": {"plan": "pro", "accountId": "acct_1001"}}'),
    Object.create({ plan: 'pro', accountId: 'acct_internal_1' }), { userId: '\uD800'.repeat(100_000) }, { userId: 10n ** 30n }, new Date(), new Map([['plan', 'pro']])];
}

describe('hostile contexts', () => {
  const evaluator = createEvaluator(vectorPayload);
  const types = new Map(Object.entries(vectorPayload.flags).map(([key, flag]) => [key, flag.type]));
  const check = (context: unknown) => {
    const ctx = context as Record<string, unknown>;
    for (const [key, type] of types) {
      expect(typeof evaluator.evaluate(key, ctx).value).toBe(type);
      expect(typeof evaluator.value(key, ctx, null)).toBe(type);
      expect(typeof evaluator.explain(key, ctx).value).toBe(type);
      evaluator.variation(key, ctx);
    }
    const all = evaluator.allValues(ctx);
    for (const [key, type] of types) expect(typeof all[key]).toBe(type);
  };

  it('never throw and always answer a value of the flag type (fast-check)', () => {
    fc.assert(fc.property(contextArbitrary(), check), { numRuns: 300 });
  });

  it.each(hostileContexts().map((c, i) => [i, c] as const))('hostile context #%d', (_, context) => check(context));

  it('never reads attributes from the prototype', () => {
    const polluted = JSON.parse('{"__proto__": {"accountId": "acct_1001"}}');
    expect(evaluator.evaluate('bulk-invoice-api', polluted).value).toBe(false);
    expect(evaluator.evaluate('bulk-invoice-api', Object.create({ accountId: 'acct_1001' })).value).toBe(false);
  });

  it('answers the caller default or the kill variation when the context throws', () => {
    const getter = Object.defineProperty({}, 'accountId', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(evaluator.evaluate('bulk-invoice-api', getter)).toEqual({ value: false, variation: 'off', reason: 'ERROR', errorCode: 'GENERAL' });
    expect(evaluator.evaluate('bulk-invoice-api', getter, true)).toEqual({ value: true, reason: 'ERROR', errorCode: 'GENERAL' });
    expect(evaluator.value('bulk-invoice-api', getter, true)).toBe(true);
  });

  it('returns frozen results whose values cannot be mutated', () => {
    const result = evaluator.evaluate('theme', {});
    expect(Object.isFrozen(result)).toBe(true);
    expect(() => { (result.value as { color: string }).color = 'green'; }).toThrow(TypeError);
  });
});
