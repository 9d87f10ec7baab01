import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { BundlePayload } from '../../src/sdk/bundle/types.js';
import { bucketOf, createEvaluator, murmur3 } from '../../src/sdk/evaluate/index.js';

const vectors = (name: string) => JSON.parse(readFileSync(new URL(`../vectors/${name}.json`, import.meta.url), 'utf8'));
const murmurCases: { text: string; seed: number; hash: number }[] = vectors('murmur3').cases;
const bucketCases: { salt: string; value: string; bucket: number }[] = vectors('buckets').cases;
const evaluation = vectors('evaluation');
const payload = { format: 1, environment: 'test', version: 1, issuedAt: '', expiresAt: '', source: '', ...evaluation.payload } as BundlePayload;

// unleash-client's hashing dependency: an independent reference implementation.
const reference: { x86: { hash32(bytes: string, seed?: number): number } } = createRequire(import.meta.url)('murmurhash3js');
const latin1Bytes = (text: string) => Buffer.from(new TextEncoder().encode(text)).toString('latin1');

describe('murmur3', () => {
  it('matches published reference values', () => {
    expect(murmur3('')).toBe(0);
    expect(murmur3('hello', 0)).toBe(613153351);
    expect(murmur3('The quick brown fox jumps over the lazy dog').toString(16)).toBe('2e4ff723');
  });

  it.each(murmurCases.map((c) => [JSON.stringify(c.text).slice(0, 40), c] as const))('vector %s', (_, c) => {
    expect(murmur3(c.text, c.seed)).toBe(c.hash);
  });

  it('agrees with murmurhash3js on random unicode strings and seeds', () => {
    const rng = mulberry32(7);
    for (let i = 0; i < 2000; i++) {
      const text = randomText(rng);
      const seed = Math.floor(rng() * 2 ** 32);
      expect(murmur3(text, seed)).toBe(reference.x86.hash32(latin1Bytes(text), seed) >>> 0);
    }
  });
});

describe('bucketOf', () => {
  it.each(bucketCases.map((c) => [`${c.salt}:${c.value.slice(0, 20)}`, c] as const))('vector %s', (_, c) => {
    expect(bucketOf(c.salt, c.value)).toBe(c.bucket);
  });
});

describe('evaluation vectors', () => {
  const evaluator = createEvaluator(payload);
  type Case = { name: string; flag: string; context: Record<string, unknown>; default?: unknown; expected: object };
  it.each((evaluation.cases as Case[]).map((c) => [c.name, c] as const))('%s', (_, c) => {
    const result = 'default' in c ? evaluator.evaluate(c.flag, c.context, c.default) : evaluator.evaluate(c.flag, c.context);
    // Compared as JSON, as an SDK in another language would.
    expect(JSON.parse(JSON.stringify(result))).toStrictEqual(c.expected);
    if ('default' in c) expect(evaluator.value(c.flag, c.context, c.default)).toStrictEqual(result.value);
    expect(evaluator.variation(c.flag, c.context)).toBe(evaluator.evaluate(c.flag, c.context).variation);
  });
});

/** Small deterministic generator so failures reproduce. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomText(rng: () => number): string {
  const pools = [[0x20, 0x7e], [0xa0, 0x7ff], [0x800, 0xd7ff], [0xd800, 0xdfff], [0xe000, 0xffff]] as const;
  let text = '';
  const length = Math.floor(rng() * 40);
  for (let i = 0; i < length; i++) {
    if (rng() < 0.1) {
      text += String.fromCodePoint(0x10000 + Math.floor(rng() * 0xfffff));
      continue;
    }
    const [lo, hi] = pools[Math.floor(rng() * (rng() < 0.6 ? 1 : pools.length))]!;
    text += String.fromCharCode(lo + Math.floor(rng() * (hi - lo)));
  }
  return text;
}
