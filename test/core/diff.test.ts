import { describe, expect, it } from 'vitest';
import { diffFlag } from '../../src/core/diff.js';
import type { FlagDoc } from '../../src/core/types.js';

const base: FlagDoc = {
  key: 'new-pdf-engine',
  kind: 'release',
  owner: 'billing-team',
  expires: '2027-02-01',
  environments: {
    production: {
      rules: [{ name: 'internal', when: { accountId: { in: ['a'] } }, serve: 'on' }],
      default: { rollout: { on: 5 }, bucketBy: 'accountId' },
    },
    staging: { default: 'on' },
  },
};

const change = (edit: (f: FlagDoc) => void): FlagDoc => {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
};

describe('diffFlag', () => {
  it('says added and removed', () => {
    expect(diffFlag(undefined, base)).toEqual([{ kind: 'added', text: 'created (release, owner billing-team)' }]);
    expect(diffFlag(base, undefined)).toEqual([{ kind: 'removed', text: 'removed' }]);
    expect(diffFlag(base, structuredClone(base))).toEqual([]);
  });

  it('describes rollout steps per variation', () => {
    const after = change((f) => void (f.environments!.production!.default = { rollout: { on: 25 }, bucketBy: 'accountId' }));
    expect(diffFlag(base, after)).toEqual([{ environment: 'production', kind: 'rollout', text: 'production: rollout on 5% → 25%' }]);
  });

  it('describes kills with their reason, and unkills', () => {
    const killed = change((f) => Object.assign(f.environments!.production!, { killed: true, killReason: 'timeouts' }));
    expect(diffFlag(base, killed)).toEqual([{ environment: 'production', kind: 'killed', text: 'production: killed — timeouts' }]);
    expect(diffFlag(killed, base)).toEqual([{ environment: 'production', kind: 'unkilled', text: 'production: unkilled' }]);
  });

  it('describes default, rules, variations, owner, expires and environments', () => {
    const after = change((f) => {
      f.owner = 'platform-team';
      f.expires = '2027-03-01';
      f.variations = { on: true, off: false };
      f.environments!.staging!.default = { rollout: { on: 50 } };
      f.environments!.production!.rules = [{ name: 'beta', segment: 'beta-testers', serve: 'on' }];
      f.environments!.qa = { default: 'off' };
    });
    const kinds = diffFlag(base, after).map((c) => [c.kind, c.text]);
    expect(kinds).toEqual([
      ['owner', 'owner: billing-team → platform-team'],
      ['expires', 'expires: 2027-02-01 → 2027-03-01'],
      ['rule-added', 'production: rule "beta" added (serves on)'],
      ['rule-removed', 'production: rule "internal" removed'],
      ['default', 'staging: default on → rollout on 50%'],
      ['environment-added', 'qa: added, default off'],
    ]);
  });

  it('describes a changed rule matched by name', () => {
    const after = change((f) => void (f.environments!.production!.rules![0]!.serve = 'off'));
    expect(diffFlag(base, after)).toEqual([{ environment: 'production', kind: 'rule-changed', text: 'production: rule "internal" now serves off (was on)' }]);
  });
});
