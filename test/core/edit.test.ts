import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setKilled, setRollout } from '../../src/core/edit/index.js';
import { UsageError } from '../../src/core/errors.js';
import { EXAMPLE_FLAGS } from '../support/tmp.js';

const PDF = readFileSync(path.join(EXAMPLE_FLAGS, 'billing/new-pdf-engine.yaml'), 'utf8');

/** Every line but the ones named stays byte-identical. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n'), b = after.split('\n');
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

const BLOCK = `# a comment that must survive
key: checkout
kind: release   # trailing comment
expires: 2027-01-01
environments:

  production:
    # why we ramp slowly
    default:
      rollout:
        on: 10     # keep the comment
      bucketBy: accountId
    rules: []
  staging: { default: on }   # flow env
`;

describe('setRollout', () => {
  it('changes only the percentage in a flow-map rollout, keeping every other byte', () => {
    const edit = setRollout(PDF, 'production', undefined, 25, { maxStep: 50 });
    expect(edit.text).toBe(PDF.replace('{ rollout: { on: 5 }, bucketBy: accountId }', '{ rollout: { on: 25 }, bucketBy: accountId }'));
    expect(edit).toMatchObject({ changed: true, variation: 'on', from: 5, to: 25, bucketBy: 'accountId' });
    expect(edit.description).toContain('+20% of buckets: from 5% to 25% of accounts');
    expect(edit.after.environments!.production!.default).toEqual({ rollout: { on: 25 }, bucketBy: 'accountId' });
  });

  it('changes only the value in a block-map rollout, keeping comments, blank lines and spacing', () => {
    const edit = setRollout(BLOCK, 'production', 'on', 12.5, {});
    expect(edit.text).toBe(BLOCK.replace('on: 10     # keep', 'on: 12.5     # keep'));
    expect(edit.description).toMatch(/^\+2\.5% of buckets: from 10% to 12\.5% of accounts/);
  });

  it('turns a plain default into a rollout, and a plain default in a flow-map environment too', () => {
    const edit = setRollout(PDF, 'staging', 'on', 40, { maxStep: 100 });
    expect(changedLines(PDF, edit.text)).toEqual({ removed: ['    default: on'], added: ['    default: { rollout: { on: 40 } }'] });
    expect(edit.from).toBe(100);
    const flow = setRollout(BLOCK, 'staging', 'on', 30, { defaultBucketBy: 'userId' });
    expect(flow.text).toBe(BLOCK.replace('{ default: on }', '{ default: { rollout: { on: 30 } } }'));
    expect(flow.description).toContain('of users (bucketed by userId)');
  });

  it('adds a variation missing from the rollout map', () => {
    const text = 'key: x\nkind: experiment\nvariations: { a: 1, b: 2, c: 3 }\nkillVariation: a\nenvironments:\n  production:\n    default:\n      rollout:\n        b: 10\n';
    const edit = setRollout(text, 'production', 'c', 20, {});
    expect(edit.text).toBe(text.replace('        b: 10\n', '        c: 20\n        b: 10\n'));
  });

  it('is a no-op that says so when the percentage is already set', () => {
    const edit = setRollout(PDF, 'production', undefined, 5, {});
    expect(edit.changed).toBe(false);
    expect(edit.text).toBe(PDF);
    expect(edit.description).toMatch(/already serves "on" to 5%/);
  });

  it.each([
    [-1, /between 0 and 100/],
    [100.5, /between 0 and 100/],
    [Number.NaN, /between 0 and 100/],
    [12.3456, /more than 3 decimals/],
  ])('refuses %s', (pct, message) => {
    expect(() => setRollout(PDF, 'production', undefined, pct, {})).toThrow(message);
  });

  it('enforces the max step unless forced, naming file, line and column', () => {
    let error: unknown;
    try {
      setRollout(PDF, 'production', undefined, 80, { maxStep: 50, file: 'flags/billing/new-pdf-engine.yaml' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/^flags\/billing\/new-pdf-engine\.yaml:17:5 a step of 75% .* exceeds policy\.maxRampStep \(50\)/);
    expect((error as UsageError).hint).toMatch(/--force/);
    expect(setRollout(PDF, 'production', undefined, 80, { maxStep: 50, force: true }).to).toBe(80);
  });

  it('refuses a killed flag unless unkill is asked, then clears the kill in the same edit', () => {
    const killed = setKilled(PDF, 'production', true, 'timeouts').text;
    expect(() => setRollout(killed, 'production', undefined, 10, {})).toThrow(/is killed in production/);
    const edit = setRollout(killed, 'production', undefined, 10, { unkill: true });
    expect(edit.text).toBe(PDF.replace('on: 5 }', 'on: 10 }'));
    expect(edit.description).toMatch(/unkilled$/);
  });

  it('refuses unknown variations, unknown environments and rollouts over 100%', () => {
    expect(() => setRollout(PDF, 'production', 'maybe', 10, {})).toThrow(/has no variation "maybe"/);
    expect(() => setRollout(PDF, 'qa', undefined, 10, {})).toThrow(/has no environment "qa"/);
    const dash = readFileSync(path.join(EXAMPLE_FLAGS, 'growth/redesigned-dashboard.yaml'), 'utf8');
    expect(() => setRollout(dash, 'production', 'treatment', 60, {})).toThrow(/would sum to 110%/);
  });
});

describe('setKilled', () => {
  it('inserts killed and killReason at the top of a block environment, and unkill restores the bytes', () => {
    const edit = setKilled(PDF, 'production', true, 'PDF exports time out: #412');
    expect(changedLines(PDF, edit.text)).toEqual({ removed: [], added: ['    killed: true', '    killReason: "PDF exports time out: #412"'] });
    expect(edit.after.environments!.production).toMatchObject({ killed: true, killReason: 'PDF exports time out: #412' });
    expect(edit.description).toBe('production: killed — PDF exports time out: #412; everyone gets "off"');
    expect(setKilled(edit.text, 'production', false).text).toBe(PDF);
  });

  it('edits flow-map environments in place', () => {
    const edit = setKilled(BLOCK, 'staging', true, 'bad');
    expect(edit.text).toBe(BLOCK.replace('{ default: on }', '{ killed: true, killReason: bad, default: on }'));
    expect(setKilled(edit.text, 'staging', false).text).toBe(BLOCK);
  });

  it('replaces an existing killed: false', () => {
    const text = PDF.replace('  staging:\n', '  staging:\n    killed: false # was killed last week\n');
    const edit = setKilled(text, 'staging', true);
    expect(edit.text).toBe(text.replace('killed: false #', 'killed: true #'));
  });

  it('is idempotent: killing a killed flag changes nothing and says so', () => {
    const once = setKilled(PDF, 'production', true, 'x').text;
    const twice = setKilled(once, 'production', true, 'y');
    expect(twice).toMatchObject({ changed: false, text: once });
    expect(twice.description).toMatch(/already killed in production \(x\)/);
    expect(setKilled(PDF, 'production', false).changed).toBe(false);
  });

  it('names the kill variation served (maintenance-mode kills into "on")', () => {
    const text = readFileSync(path.join(EXAMPLE_FLAGS, 'platform/maintenance-mode.yaml'), 'utf8');
    expect(setKilled(text, 'production', true).description).toBe('production: killed; everyone gets "on"');
  });
});
