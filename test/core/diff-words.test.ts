import { describe, expect, it } from 'vitest';
import { diffFlag, diffSegment } from '../../src/core/diff.js';
import type { FlagDoc, RuleDoc } from '../../src/core/types.js';

const chatbot = (rules: RuleDoc[], variations?: FlagDoc['variations']): FlagDoc => ({
  key: 'ai-chatbot',
  kind: 'permission',
  ...(variations ? { variations } : {}),
  environments: { production: { rules, default: 'off' } },
});

const free: RuleDoc = { name: 'free', when: { plan: { eq: 'free' }, country: { in: ['US', 'UK'] } }, serve: 'on' };
const texts = (before: FlagDoc, after: FlagDoc) => diffFlag(before, after).map((c) => c.text);

describe('diffFlag in words', () => {
  it('says which values a rule now also matches and no longer matches', () => {
    const after = { ...free, when: { plan: { eq: 'free' }, country: { in: ['US', 'CA'] } } };
    expect(texts(chatbot([free]), chatbot([after]))).toEqual(['production: rule "free" now also matches country = CA; no longer matches country = UK']);
  });

  it('says conditions added, removed and changed, segments and serves', () => {
    const after: RuleDoc = { name: 'free', when: { plan: { eq: 'pro' }, age: { gte: 18 } }, segment: 'beta-testers', serve: { rollout: { on: 10 } } };
    expect(texts(chatbot([free]), chatbot([after]))).toEqual([
      'production: rule "free" now requires plan = pro (was free); now requires age gte 18; no longer requires country in [US, UK]; ' +
        'now also requires segment beta-testers; now serves rollout on 10% (was on)',
    ]);
  });

  it('says when rules kept on both sides changed order, and not when one is only inserted', () => {
    const a: RuleDoc = { name: 'a', serve: 'on' }, b: RuleDoc = { name: 'b', serve: 'off' }, c: RuleDoc = { name: 'c', serve: 'on' };
    expect(texts(chatbot([a, b]), chatbot([b, a]))).toEqual([
      'production: rule "b" moved from position 2 to 1',
      'production: rule "a" moved from position 1 to 2',
    ]);
    expect(texts(chatbot([a, b]), chatbot([c, a, b]))).toEqual(['production: rule "c" added (serves on)']);
  });

  it('describes variations as served: added, removed, new values, order; implicit on/off equals explicit', () => {
    expect(texts(chatbot([]), chatbot([], { on: true, off: false }))).toEqual([]);
    expect(texts(chatbot([], { a: 'x', b: 'y' }), chatbot([], { b: 'y', a: 'z', c: 'w' }))).toEqual([
      'variation "a" value x → z',
      'variation "c" added (w)',
      'variations reordered: a, b → b, a (rollout bucket ranges follow the declared order)',
    ]);
    expect(texts(chatbot([], { a: 'x', b: 'y' }), chatbot([], { a: 'x' }))).toEqual(['variation "b" removed']);
  });
});

describe('diffSegment', () => {
  it('lists include and exclude changes and condition changes', () => {
    const before = { key: 'beta', attribute: 'accountId', include: ['a1', 'a2'], when: { email: { endsWith: '@x.dev' } } };
    const after = { key: 'beta', attribute: 'accountId', include: ['a2', 'a3', 'a4'], exclude: ['a9'], when: { email: { endsWith: '@y.dev' } } };
    expect(diffSegment(before, after).map((c) => c.text)).toEqual([
      'now includes accountId in a3, a4',
      'no longer includes accountId = a1',
      'now excludes accountId = a9',
      'now requires email endsWith @y.dev (was @x.dev)',
    ]);
    expect(diffSegment(undefined, after)).toEqual([{ kind: 'added', text: 'segment created' }]);
  });
});
