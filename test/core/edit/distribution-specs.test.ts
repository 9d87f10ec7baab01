import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultShares, renamePercents, setRollout, updateDistributionSpecs } from '../../../src/core/edit/index.js';
import type { FlagDoc } from '../../../src/core/types.js';
import { EXAMPLE_FLAGS } from '../../support/tmp.js';

const PDF = readFileSync(path.join(EXAMPLE_FLAGS, 'billing/new-pdf-engine.yaml'), 'utf8');
const BILLING = readFileSync(path.join(EXAMPLE_FLAGS, 'tests/billing.yaml'), 'utf8');
const FILE = 'flags/tests/checkout.yaml';

const BLOCK_SPEC = `# comments, blank lines and spacing must survive
environment: production
distributions:

  - name: "roughly 10% see the new checkout"   # quoted on purpose
    flag: checkout
    context: { userId: 'u_{i}' }
    expect:
      on: 10      # the ramp target
      off: 90
    tolerance: 2
  - name: staging is fully on
    environment: staging
    flag: checkout
    context: { userId: 'u_{i}' }
    expect: { on: 100 }
  - name: another flag at 10%
    flag: other
    context: { userId: 'u_{i}' }
    expect: { on: 10, off: 90 }
`;

const ON10 = { on: 10, off: 90 };
const ON25 = { on: 25, off: 75 };

describe('updateDistributionSpecs', () => {
  it('follows a ramp of the example flag: only the expect values and the quoted percentage change', () => {
    const edit = setRollout(PDF, 'production', undefined, 25, {});
    const before = defaultShares(edit.before, 'production');
    const after = defaultShares(edit.after, 'production');
    expect([before, after]).toEqual([{ on: 5, off: 95 }, ON25]);
    const result = updateDistributionSpecs(BILLING, 'flags/tests/billing.yaml', 'new-pdf-engine', 'production', before, after, { defaultEnv: 'production' });
    expect(result.text).toBe(BILLING
      .replace('name: about 5% of accounts', 'name: about 25% of accounts')
      .replace('expect: { on: 5, off: 95 }', 'expect: { on: 25, off: 75 }'));
    const expectLine = BILLING.split('\n').findIndex((l) => l.includes('expect: { on: 5, off: 95 }')) + 1;
    expect(result.changed).toEqual([{
      file: 'flags/tests/billing.yaml', line: expectLine, col: 5, name: 'about 5% of accounts get the new PDF engine',
      renamed: 'about 25% of accounts get the new PDF engine', expectBefore: { on: 5, off: 95 }, expectAfter: ON25,
    }]);
    expect(result.skipped).toEqual([]);
  });

  it('edits a block-map expect and a quoted name in place, leaving other environments and other flags alone', () => {
    const result = updateDistributionSpecs(BLOCK_SPEC, FILE, 'checkout', 'production', ON10, ON25);
    expect(result.text).toBe(BLOCK_SPEC
      .replace('"roughly 10% see', '"roughly 25% see')
      .replace('on: 10      # the ramp target\n      off: 90', 'on: 25      # the ramp target\n      off: 75'));
    expect(result.changed.map((c) => [c.line, c.renamed])).toEqual([[8, 'roughly 25% see the new checkout']]);
  });

  it('takes the environment from the distribution first, then the spec file, then the default', () => {
    const staging = updateDistributionSpecs(BLOCK_SPEC, FILE, 'checkout', 'staging', { on: 100 }, { on: 60, off: 40 });
    expect(staging.text).toBe(BLOCK_SPEC.replace('expect: { on: 100 }', 'expect: { on: 60, off: 40 }'));
    const noEnv = 'distributions:\n  - { name: a, flag: checkout, context: {}, expect: { on: 10, off: 90 } }\n';
    expect(updateDistributionSpecs(noEnv, FILE, 'checkout', 'staging', ON10, ON25, { defaultEnv: 'production' }).text).toBe(noEnv);
    expect(updateDistributionSpecs(noEnv, FILE, 'checkout', 'production', ON10, ON25, { defaultEnv: 'production' }).text).toContain('expect: { on: 25, off: 75 }');
    // Without a default environment, only a spec naming the environment is touched.
    expect(updateDistributionSpecs(noEnv, FILE, 'checkout', 'production', ON10, ON25).text).toBe(noEnv);
  });

  it('leaves a spec expecting something else as written and reports where it will fail', () => {
    const spec = 'environment: production\ndistributions:\n  - name: about 10%\n    flag: checkout\n    context: {}\n    expect: { on: 40, off: 60 }\n';
    const result = updateDistributionSpecs(spec, FILE, 'checkout', 'production', ON10, ON25);
    expect(result.text).toBe(spec);
    expect(result.changed).toEqual([]);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]).toMatchObject({ file: FILE, line: 6, col: 5, name: 'about 10%', expect: { on: 40, off: 60 }, tolerance: 1, serves: ON25 });
    expect(result.skipped[0]!.reason).toMatch(/expects on 40%, off 60% ± 1: not the old rollout \(on 10%, off 90%\).*will fail against the new one \(on 25%, off 75%\)/);
  });

  it('matches the old state within the tolerance, and leaves a spec already at the new state alone without a warning', () => {
    const spec = 'environment: production\ndistributions:\n  - { name: near, flag: checkout, context: {}, expect: { on: 10.8, off: 89.2 }, tolerance: 1 }\n';
    expect(updateDistributionSpecs(spec, FILE, 'checkout', 'production', ON10, ON25).text).toContain('expect: { on: 25, off: 75 }');
    const done = spec.replace('on: 10.8, off: 89.2', 'on: 25, off: 75');
    expect(updateDistributionSpecs(done, FILE, 'checkout', 'production', ON10, ON25)).toEqual({ text: done, changed: [], skipped: [] });
  });

  it('handles rollouts over several variations, and a number two variations shared stays as written', () => {
    const flag: FlagDoc = {
      key: 'pricing', kind: 'experiment', variations: { a: 1, b: 2, c: 3 }, killVariation: 'c',
      environments: { production: { default: { rollout: { a: 20, b: 30 } } } },
    } as FlagDoc;
    const before = defaultShares(flag, 'production');
    const after = { ...before, b: 40, c: 40 };
    expect(before).toEqual({ a: 20, b: 30, c: 50 });
    const spec = 'environment: production\ndistributions:\n  - name: a 20%, b 30%, c 50%\n    flag: pricing\n    context: {}\n    expect: { a: 20, b: 30, c: 50 }\n    tolerance: 1.5\n';
    const result = updateDistributionSpecs(spec, FILE, 'pricing', 'production', before, after);
    expect(result.text).toBe(spec.replace('b 30%, c 50%', 'b 40%, c 40%').replace('b: 30, c: 50', 'b: 40, c: 40'));
    expect(renamePercents('splits 50% / 50%', { control: 50, treatment: 50 }, { control: 60, treatment: 40 })).toBe('splits 50% / 50%');
    expect(renamePercents('5% on, 95% off, 2.5% of', { on: 5, off: 95 }, ON25)).toBe('25% on, 75% off, 2.5% of');
  });

  it('adds a variation newly served to a spec that described the whole split, but not to a partial one', () => {
    const whole = 'environment: production\ndistributions:\n  - { name: nobody yet, flag: checkout, context: {}, expect: { off: 100 } }\n';
    const added = updateDistributionSpecs(whole, FILE, 'checkout', 'production', { off: 100 }, ON10);
    expect(added.text).toBe(whole.replace('{ off: 100 }', '{ on: 10, off: 90 }'));
    const block = 'environment: production\ndistributions:\n  - name: x\n    flag: checkout\n    context: {}\n    expect:\n      off: 100\n';
    expect(updateDistributionSpecs(block, FILE, 'checkout', 'production', { off: 100 }, ON10).text)
      .toBe(block.replace('      off: 100\n', '      on: 10\n      off: 90\n'));
    const after = updateDistributionSpecs(block.replace('off: 100', 'on: 100  # all in'), FILE, 'checkout', 'production', { on: 100 }, { on: 70, off: 30 });
    expect(after.text).toBe(block.replace('      off: 100\n', '      on: 70  # all in\n      off: 30\n'));
    expect(updateDistributionSpecs(whole.replace('off: 100', 'on: 100'), FILE, 'checkout', 'production', { on: 100 }, { on: 70, off: 30 }).text)
      .toBe(whole.replace('{ off: 100 }', '{ on: 70, off: 30 }'));
    const partial = 'environment: production\ndistributions:\n  - { name: about 10%, flag: checkout, context: {}, expect: { on: 10 } }\n';
    expect(updateDistributionSpecs(partial, FILE, 'checkout', 'production', ON10, ON25).text).toBe(partial.replace('10%', '25%').replace('{ on: 10 }', '{ on: 25 }'));
  });

  it('ignores broken YAML and malformed distributions instead of guessing', () => {
    for (const text of ['distributions: [', 'distributions:\n  - { flag: checkout, expect: [1] }\n', 'just text\n']) {
      expect(updateDistributionSpecs(text, FILE, 'checkout', 'production', ON10, ON25, { defaultEnv: 'production' })).toEqual({ text, changed: [], skipped: [] });
    }
  });
});

describe('defaultShares', () => {
  it('gives a plain default 100, a rollout its remainder on the kill variation, and a missing environment the kill variation', () => {
    const flag = { key: 'x', kind: 'release', environments: { production: { default: { rollout: { on: 12.5 } } }, staging: { default: 'on' } } } as unknown as FlagDoc;
    expect(defaultShares(flag, 'production')).toEqual({ on: 12.5, off: 87.5 });
    expect(defaultShares(flag, 'staging')).toEqual({ on: 100 });
    expect(defaultShares(flag, 'dev')).toEqual({ off: 100 });
  });
});
