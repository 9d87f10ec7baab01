import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/core/suggest.js';

describe('suggest', () => {
  it('finds likely typos and nothing for unrelated names', () => {
    expect(suggest('rolout', ['rollout', 'bucketBy'])).toBe('rollout');
    expect(suggest('Default', ['default', 'rules'])).toBe('default');
    expect(suggest('kilVariation', ['killVariation', 'variations'])).toBe('killVariation');
    expect(suggest('zebra', ['rollout', 'bucketBy'])).toBeUndefined();
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('teh', 'the')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
