import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../src/core/compile/index.js';
import { compileServe } from '../../src/core/compile/serve.js';
import { ConfigError } from '../../src/core/errors.js';
import { parseProject } from '../../src/core/project.js';
import { readProject } from '../../src/io/project.js';
import { ROOT } from '../support/tmp.js';

const META = { version: 4, issuedAt: '2026-03-01T12:00:00+02:00', source: 'abc', ttlSeconds: 86_400 };
const CONFIG = 'environments: [production, staging]\ndefaults: { bucketBy: userId }\n';

function project(flags: Record<string, string>, segments: Record<string, string> = {}) {
  return parseProject({
    dir: 'flags',
    config: { path: 'flags/flagops.yaml', text: CONFIG },
    flags: Object.entries(flags).map(([key, text]) => ({ path: `flags/${key}.yaml`, text })),
    segments: Object.entries(segments).map(([key, text]) => ({ path: `flags/segments/${key}.yaml`, text })),
    tests: [],
  });
}

describe('compileBundle', () => {
  it('stamps the metadata and derives expiresAt from issuedAt and the ttl, in UTC', () => {
    const payload = compileBundle(project({}), 'production', META);
    expect(payload).toEqual({
      format: 1, environment: 'production', version: 4, issuedAt: '2026-03-01T12:00:00+02:00',
      expiresAt: '2026-03-02T10:00:00Z', source: 'abc', flags: {}, segments: {},
    });
  });

  it('assigns bucket ranges in the declaration order of variations, not the rollout map order', () => {
    const flag = (rollout: string) => `key: exp\nkind: experiment\nvariations: { a: 1, b: 2, c: 3 }\nenvironments:\n  production:\n    default: { rollout: ${rollout} }\n`;
    const first = compileBundle(project({ exp: flag('{ a: 10, b: 20.5, c: 30 }') }), 'production', META).flags.exp!;
    const reordered = compileBundle(project({ exp: flag('{ c: 30, a: 10, b: 20.5 }') }), 'production', META).flags.exp!;
    expect(first.default).toEqual({ split: [10_000, 30_500, 60_500], by: 'userId' });
    expect(reordered.default).toEqual(first.default);
  });

  it('keeps declared order even for names JavaScript would reorder', () => {
    const text = "key: tiers\nkind: ops\nvariations: { gold: g, '2': two, '1': one }\nkillVariation: gold\nenvironments:\n  production:\n    default: { rollout: { '1': 0.001, gold: 1 } }\n";
    const flag = compileBundle(project({ tiers: text }), 'production', META).flags.tiers!;
    expect(flag.names).toEqual(['gold', '2', '1']);
    expect(flag.values).toEqual(['g', 'two', 'one']);
    expect(flag.default).toEqual({ split: [1000, 1000, 1001], by: 'userId' });
  });

  it('defaults variations to on/off and the kill variation to off, else the first', () => {
    const flags = compileBundle(project({
      plain: 'key: plain\nkind: ops\nenvironments: { production: { default: on } }\n',
      colors: 'key: colors\nkind: ops\nvariations: { red: r, blue: b }\nenvironments: { production: { default: blue } }\n',
      explicit: 'key: explicit\nkind: ops\nkillVariation: on\nenvironments: { production: { default: off } }\n',
    }), 'production', META).flags;
    expect(flags.plain).toMatchObject({ names: ['on', 'off'], values: [true, false], type: 'boolean', kill: 1, default: { v: 0 }, salt: 'plain' });
    expect(flags.colors).toMatchObject({ type: 'string', kill: 0, default: { v: 1 } });
    expect(flags.explicit).toMatchObject({ kill: 0, default: { v: 1 } });
  });

  it('serves the kill variation, without rules, in an environment the flag does not mention', () => {
    const text = 'key: only-staging\nkind: ops\nvariations: { off: 0, on: 1 }\nenvironments:\n  staging:\n    rules: [{ when: { plan: { eq: pro } }, serve: on }]\n    default: on\n';
    const flag = compileBundle(project({ 'only-staging': text }), 'production', META).flags['only-staging']!;
    expect(flag).toMatchObject({ rules: [], default: { v: 0 }, kill: 0, type: 'number' });
  });

  it('normalizes rules: one condition per operator, any-groups, segments, rollouts with their own bucketBy', () => {
    const text = [
      'key: rich', 'kind: release', 'salt: s1', 'environments:', '  production:', '    killed: true', '    killReason: incident 42',
      '    prerequisites: [{ flag: base, variation: off }]', '    rules:',
      '      - name: pro users', '        when:', '          plan: { in: [pro, team], ne: legacy }',
      '          any: [{ country: { eq: US } }, { "account.tier": { gte: 3 } }]', '        serve: on',
      '      - segment: beta', '        serve: { rollout: { on: 50 }, bucketBy: accountId }',
      '    default: off',
    ].join('\n');
    const flag = compileBundle(project({ rich: text, base: 'key: base\nkind: ops\n' }, { beta: 'key: beta\ninclude: [a1]\n' }), 'production', META).flags.rich!;
    expect(flag).toMatchObject({ killed: true, killReason: 'incident 42', salt: 's1', prerequisites: [{ flag: 'base', variation: 1 }] });
    expect(flag.rules).toEqual([
      {
        name: 'pro users',
        when: [
          { attr: 'plan', op: 'in', value: ['pro', 'team'] },
          { attr: 'plan', op: 'ne', value: 'legacy' },
          { any: [[{ attr: 'country', op: 'eq', value: 'US' }], [{ attr: 'account.tier', op: 'gte', value: 3 }]] },
        ],
        serve: { v: 0 },
      },
      { when: [{ segment: 'beta' }], serve: { split: [50_000, 50_000], by: 'accountId' } },
    ]);
  });

  it('compiles segments with the default attribute and their conditions', () => {
    const segments = compileBundle(project({}, {
      staff: 'key: staff\ninclude: [u1]\nexclude: [u2]\nwhen: { email: { endsWith: "@x.dev" } }\n',
      accounts: 'key: accounts\nattribute: accountId\ninclude: [1001]\n',
    }), 'production', META).segments;
    expect(segments).toEqual({
      staff: { attr: 'userId', include: ['u1'], exclude: ['u2'], when: [{ attr: 'email', op: 'endsWith', value: '@x.dev' }] },
      accounts: { attr: 'accountId', include: ['1001'] },
    });
  });

  it('leaves descriptions and owners out of the payload', async () => {
    const payload = compileBundle(parseProject(await readProject('flags', { cwd: ROOT })), 'production', META);
    expect(Object.keys(payload.flags)).toEqual(['ai-chatbot', 'bulk-invoice-api', 'maintenance-mode', 'new-pdf-engine', 'redesigned-dashboard']);
    expect(JSON.stringify(payload)).not.toMatch(/description|owner|billing-team/);
    expect(payload.flags['maintenance-mode']).toMatchObject({ kill: 0, default: { v: 1 } });
    expect(payload.flags['new-pdf-engine']!.default).toEqual({ split: [5000, 5000], by: 'accountId' });
  });

  it('throws a located error for what lint should have caught, instead of compiling it wrong', () => {
    const text = 'key: typo\nkind: ops\nenvironments:\n  production:\n    default: onn\n';
    expect(() => compileBundle(project({ typo: text }), 'production', META)).toThrow(ConfigError);
    expect(() => compileBundle(project({ typo: text }), 'production', META)).toThrow('flags/typo.yaml:5:14 cannot compile: unknown variation "onn"');
  });
});

describe('rollout percentages → bucket bounds', () => {
  const thirds = "key: thirds\nkind: experiment\nvariations: { a: a, b: b, c: c, none: none }\nkillVariation: none\nenvironments:\n  production:\n    default: { rollout: { a: 33.333, b: 33.333, c: 33.333 } }\n";

  it('maps 33.333% to exactly 33,333 buckets; three thirds cover 99,999 and leave one to the kill variation', () => {
    const flag = compileBundle(project({ thirds }), 'production', META).flags.thirds!;
    expect(flag.default).toEqual({ split: [33_333, 66_666, 99_999, 99_999], by: 'userId' });
  });

  it('maps every percentage with at most 3 decimals to exactly percent × 1000 buckets', () => {
    const scope = { names: ['on', 'off'], bucketBy: 'userId', fail: () => { throw new Error('rejected'); } };
    // i / 1000 is the double nearest the decimal text, as YAML reads it: 4.35 must be 4,350 buckets, not 4,349.
    const wrong: number[] = [];
    for (let i = 0; i <= 100_000; i++) {
      const serve = compileServe({ rollout: { on: i / 1000 } }, [], scope);
      if (!('split' in serve) || serve.split[0] !== i || serve.split[1] !== i) wrong.push(i / 1000);
    }
    expect(wrong).toEqual([]);
  });
});
