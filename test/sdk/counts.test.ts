import { describe, expect, it } from 'vitest';
import type { BundlePayload, CompiledFlag } from '../../src/sdk/bundle/types.js';
import { createEvaluator } from '../../src/sdk/evaluate/index.js';

const ON_OFF = { values: [true, false], names: ['on', 'off'], type: 'boolean' as const, kill: 1, salt: 's', rules: [] };
const COLORS = ['red', 'green', 'blue', 'cyan', 'magenta'];

function payload(flags: Record<string, CompiledFlag>): BundlePayload {
  return { format: 1, environment: 'test', version: 1, issuedAt: '', expiresAt: '', source: '', flags, segments: {} };
}

const flags: Record<string, CompiledFlag> = {
  // Two flags with the same definition share one prepared flag; their counts must stay apart.
  'switch-a': { ...ON_OFF, default: { v: 1 } },
  'switch-b': { ...ON_OFF, default: { v: 1 } },
  // More variations than a flag's run of slots holds.
  palette: { values: COLORS, names: COLORS, type: 'string', kill: 0, salt: 'palette', default: { v: 0 },
    rules: COLORS.map((color, i) => ({ when: [{ attr: 'pick', op: 'eq' as const, value: i }], serve: { v: i } })) },
  // Killed and failed prerequisites count as the kill variation.
  killed: { ...ON_OFF, killed: true, default: { v: 0 } },
  gated: { ...ON_OFF, prerequisites: [{ flag: 'killed', variation: 0 }], default: { v: 0 } },
};

function countsOf(evaluator: ReturnType<typeof createEvaluator>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  evaluator.readCounts((flag, variation, n) => ((out[flag] ??= {})[variation ?? '(default)'] = n));
  return out;
}

describe('evaluation counts', () => {
  it('counts evaluate() per flag × variation, defaults and unknown keys', () => {
    const evaluator = createEvaluator(payload(flags), { count: true });
    for (let i = 0; i < 3; i++) evaluator.evaluate('switch-a', {});
    evaluator.evaluate('switch-b', {});
    evaluator.evaluate('switch-b', {}, 'not a boolean');
    COLORS.forEach((_, i) => {
      for (let n = 0; n <= i; n++) evaluator.evaluate('palette', { pick: i });
    });
    evaluator.evaluate('killed', {});
    evaluator.evaluate('gated', {});
    evaluator.evaluate('nope', {});
    evaluator.evaluate('nope', {});
    const hostile = () => {
      throw new Error('hostile context');
    };
    evaluator.evaluate('palette', new Proxy({}, { get: hostile, has: hostile, getOwnPropertyDescriptor: hostile }));
    expect(countsOf(evaluator)).toEqual({
      'switch-a': { off: 3 },
      'switch-b': { off: 1, '(default)': 1 },
      palette: { red: 1, green: 2, blue: 3, cyan: 4, magenta: 5, '(default)': 1 },
      killed: { off: 1 },
      gated: { off: 1 },
      nope: { '(default)': 2 },
    });
  });

  it('counts only evaluate(), and nothing without the option', () => {
    const counting = createEvaluator(payload(flags), { count: true });
    counting.value('switch-a', {}, false);
    counting.variation('switch-a', {});
    counting.allValues({});
    counting.explain('switch-a', {});
    expect(countsOf(counting)).toEqual({});
    const plain = createEvaluator(payload(flags));
    plain.evaluate('switch-a', {});
    expect(countsOf(plain)).toEqual({});
  });
});
