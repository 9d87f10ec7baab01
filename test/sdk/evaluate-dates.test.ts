import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BundlePayload } from '../../src/sdk/bundle/types.js';
import { parseRfc3339 } from '../../src/sdk/evaluate/date.js';
import { createEvaluator } from '../../src/sdk/evaluate/index.js';

const evaluation = JSON.parse(readFileSync(new URL('../vectors/evaluation.json', import.meta.url), 'utf8'));
const payload = { format: 1, environment: 'test', version: 1, issuedAt: '', expiresAt: '', source: '', ...evaluation.payload } as BundlePayload;
type Case = { name: string; flag: string; context: Record<string, unknown>; expected: object };
const dateCases = (evaluation.cases as Case[]).filter((c) => /^op-(before|after)/.test(c.flag));

describe('before / after', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it.each(['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati'])('answer the vectors the same in time zone %s', (tz) => {
    process.env.TZ = tz;
    const evaluator = createEvaluator(payload);
    for (const c of dateCases) expect(JSON.parse(JSON.stringify(evaluator.evaluate(c.flag, c.context))), c.name).toStrictEqual(c.expected);
  });

  it('read RFC 3339 text into epoch milliseconds', () => {
    expect(parseRfc3339('2024-06-01')).toBe(Date.UTC(2024, 5, 1));
    expect(parseRfc3339('2024-06-01T10:20')).toBe(Date.UTC(2024, 5, 1, 10, 20));
    expect(parseRfc3339('2024-06-01t10:20:30.123456z')).toBe(Date.UTC(2024, 5, 1, 10, 20, 30, 123));
    expect(parseRfc3339('2024-06-01T10:20:30-05:30')).toBe(Date.UTC(2024, 5, 1, 15, 50, 30));
    expect(parseRfc3339('0050-03-01')).toBe(Date.parse('0050-03-01T00:00:00Z'));
  });

  it('read nothing else', () => {
    for (const text of ['2024-06-31', '2023-02-29', '2024-06-01T24:00', '2024-06-01T10:60', '2024-06-01T10:00+24:00', '2024-06-01 ', 'June 1 2024', '1717200000000', `2024-06-01${' '.repeat(1000)}`]) {
      expect(parseRfc3339(text), text).toBeNaN();
    }
  });
});
