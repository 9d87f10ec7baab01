import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/core/parse.js';
import { checkSchema, SCHEMAS, validateAgainst } from '../../src/core/schema.js';
import { ROOT } from '../support/tmp.js';

const check = (text: string, name: 'flag' | 'segment' | 'config' = 'flag') => checkSchema(parseYamlFile({ path: 'flags/f.yaml', text }), name);
const FLAG = 'key: f\nkind: ops\nenvironments:\n  production:\n';

describe('schemas', () => {
  it('ships the same schemas the validator uses', () => {
    for (const [name, schema] of Object.entries(SCHEMAS)) {
      const file = JSON.parse(readFileSync(path.join(ROOT, 'schemas', `${name}.schema.json`), 'utf8'));
      expect(schema).toEqual(file);
      expect(file.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('accepts a bundle payload and rejects one with a malformed serve', () => {
    const payload = {
      format: 1, environment: 'production', version: 3, issuedAt: '2026-11-21T10:00:00Z', expiresAt: '2026-12-21T10:00:00Z', source: 'abc1234',
      flags: { f: { values: [true, false], names: ['on', 'off'], type: 'boolean', kill: 1, salt: 'f', rules: [{ when: [{ attr: 'plan', op: 'eq', value: 'pro' }, { any: [[{ segment: 's' }]] }], serve: { v: 0 } }], default: { split: [5000], by: 'userId' } } },
      segments: { s: { attr: 'userId', include: ['u1'] } },
    };
    expect(validateAgainst('bundle', payload)).toEqual([]);
    const broken = structuredClone(payload);
    (broken.flags.f as { default: unknown }).default = { split: [5000] };
    expect(validateAgainst('bundle', broken).length).toBeGreaterThan(0);
  });
});

describe('schema diagnostics', () => {
  it('points an unknown property at its key and suggests the allowed name', () => {
    const [d, ...rest] = check(`${FLAG}    default: { rolout: { on: 5 } }\n`);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'FF005', line: 5, col: 16, message: 'unknown property `rolout` in `environments.production.default`', hint: 'did you mean `rollout`?' });
  });

  it('locates a missing property at its parent and explains what it is for', () => {
    const [d] = check(`${FLAG}    killed: true\n`);
    expect(d).toMatchObject({ code: 'FF006', line: 5, col: 5, message: 'missing `default` in `environments.production`' });
    expect(d!.hint).toMatch(/no rule matched/);
  });

  it('names expected and found types; a serve of the wrong type is one finding, not one per alternative', () => {
    const found = check(`${FLAG}    default: 5\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'FF007', line: 5, col: 14, message: '`environments.production.default` must be a string or a mapping, found an integer' });
  });

  it('suggests enum values and operators', () => {
    expect(check('key: f\nkind: experimnt\nenvironments: {}\n')[0]).toMatchObject({ code: 'FF008', line: 2, col: 7, hint: 'did you mean `experiment`?' });
    const [op] = check(`${FLAG}    rules:\n      - when: { plan: { equals: pro } }\n        serve: on\n    default: off\n`);
    expect(op).toMatchObject({ code: 'FF005', line: 6, col: 25, message: expect.stringContaining('unknown operator `equals`'), hint: 'did you mean `eq`?' });
    const [typo] = check(`${FLAG}    rules:\n      - when: { plan: { startWith: pro } }\n        serve: on\n    default: off\n`);
    expect(typo!.hint).toBe('did you mean `startsWith`?');
  });

  it('checks keys, dates, variation names and percent ranges', () => {
    const found = check('key: Not A Key\nkind: ops\nexpires: 2027-02-30\nvariations: { "bad name": 1, ok: 2 }\nenvironments:\n  production:\n    default: { rollout: { ok: 101 } }\n');
    expect(found.map((d) => [d.code, d.line, d.col])).toEqual([['FF008', 1, 6], ['FF008', 3, 10], ['FF008', 4, 15], ['FF008', 7, 31]]);
  });

  it('asks for `when` or `segment` on a rule', () => {
    const [d] = check(`${FLAG}    rules:\n      - serve: on\n    default: off\n`);
    expect(d).toMatchObject({ code: 'FF006', line: 6, col: 9, message: '`environments.production.rules[0]` needs `when` or `segment`' });
  });

  it('says an empty file is empty', () => {
    expect(check('# only a comment\n')).toMatchObject([{ code: 'FF007', line: 1, col: 1, message: 'the file is empty' }]);
  });

  it('validates config and segments', () => {
    expect(check('environments: []\nbundle: { ttl: 1 month }\n', 'config').map((d) => [d.code, d.line])).toEqual([['FF008', 1], ['FF008', 2]]);
    expect(check('key: s\ndescription: nobody\n', 'segment')).toMatchObject([{ code: 'FF006', message: 'the document needs `include` or `when`' }]);
  });
});
