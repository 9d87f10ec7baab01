import { describe, expect, it } from 'vitest';
import { checkPayload } from '../../../src/sdk/bundle/payload.js';
import { BUNDLE_FORMAT, type CompiledFlag } from '../../../src/sdk/bundle/types.js';

const flag: CompiledFlag = { values: [true, false], names: ['on', 'off'], type: 'boolean', kill: 1, salt: 'f', rules: [], default: { split: [5000, 5000], by: 'userId' } };
const payload = (f: object) => ({ format: BUNDLE_FORMAT, environment: 'production', version: 1, issuedAt: '', expiresAt: '', source: '', flags: { f }, segments: {} });

describe('checkPayload', () => {
  it('accepts what the compiler writes', () => {
    expect(typeof checkPayload(payload(flag))).toBe('object');
    expect(typeof checkPayload(payload({ ...flag, values: [{ a: 1 }, null], type: 'object' }))).toBe('object');
  });

  // Each would let evaluation answer a value that is not of the flag's type, or none at all.
  it.each([
    ['a split with more bounds than variations', { default: { split: [10, 20, 30], by: 'userId' } }, /invalid "default"/],
    ['a split with fewer bounds than variations', { default: { split: [10], by: 'userId' } }, /invalid "default"/],
    ['decreasing bounds', { default: { split: [5000, 4000], by: 'userId' } }, /invalid "default"/],
    ['a bound past 100000', { default: { split: [5000, 100_001], by: 'userId' } }, /invalid "default"/],
    ['a rule split past its variations', { rules: [{ when: [], serve: { split: [1, 2, 3], by: 'userId' } }] }, /rule/],
    ['a value of another type than `type`', { values: [true, 'off'] }, /"values" of type boolean/],
    ['a number value in a string flag', { values: ['a', 1], type: 'string' }, /"values" of type string/],
    ['a prerequisite variation out of range', { prerequisites: [{ flag: 'f', variation: 2 }] }, /prerequisite/],
    ['a prerequisite without a flag key', { prerequisites: [{ variation: 0 }] }, /prerequisite/],
  ])('rejects %s', (_, change, message) => {
    const problem = checkPayload(payload({ ...flag, ...change }));
    expect(typeof problem).toBe('string');
    expect(problem).toMatch(message);
  });
});
