import { describe, expect, it } from 'vitest';
import { nextDelay } from '../../src/sdk/backoff.js';

const options = { interval: 30_000, max: 300_000 };

describe('nextDelay', () => {
  it('polls at the interval with ±10% jitter', () => {
    expect(nextDelay(options, 0, true, () => 0)).toBe(27_000);
    expect(nextDelay(options, 0, true, () => 0.5)).toBe(30_000);
    expect(nextDelay(options, 0, true, () => 0.999999)).toBe(33_000);
  });

  it('doubles after each failure up to the cap', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5].map((f) => nextDelay(options, f, true, mid))).toEqual([60_000, 120_000, 240_000, 300_000, 300_000]);
  });

  it('retries a cold start sooner, still backing off', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 10].map((f) => nextDelay(options, f, false, mid))).toEqual([1_000, 2_000, 4_000, 300_000]);
  });
});
