import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp.js';
import { BULK, CHATBOT, MAINTENANCE, PDF, check, codes, edit, prRepo } from './check-support.js';

describe('flags check policies (base and head commits in a real repository)', () => {
  it('passes an untouched branch with no changes and no findings', async () => {
    const repo = await prRepo();
    const result = await check(repo);
    expect(result.base.ref).toBe('origin/main');
    expect(result.report).toMatchObject({ flags: [], segments: [], diagnostics: [] });
    expect(result.report.tests.every((t) => t.passed)).toBe(true);
  });

  it('max-ramp-step: a jump over policy.maxRampStep is an error on the default line', async () => {
    const repo = await prRepo();
    await edit(repo, { [PDF]: [['rollout: { on: 5 }', 'rollout: { on: 80 }']], 'flags/tests/billing.yaml': [['expect: { on: 5, off: 95 }', 'expect: { on: 80, off: 20 }']] });
    const result = await check(repo);
    expect(codes(result)).toEqual([`${PDF}:17:5 error FP001`]);
    expect(result.report.diagnostics[0]!.message).toBe('production: "on" goes from 5% to 80%, a step of 75%; policy.maxRampStep allows 50% [max-ramp-step]');
  });

  it('no-ramp-killed: ramping a flag that stays killed is an error; unkilling in the same change is fine', async () => {
    const repo = await prRepo();
    await edit(repo, { [PDF]: [['  production:\n', '  production:\n    killed: true\n']] });
    await repo.git('push', '-q', 'origin', 'pr:main');
    await edit(repo, { [PDF]: [['rollout: { on: 5 }', 'rollout: { on: 10 }']] });
    expect(codes(await check(repo))).toContain(`${PDF}:18:5 error FP002`);
    await edit(repo, { [PDF]: [['    killed: true\n', '']] });
    expect(codes(await check(repo)).filter((c) => c.includes('FP002'))).toEqual([]);
  });

  it('removed-flag-referenced and permission-approval: removing a flag code still reads', async () => {
    const repo = await prRepo();
    await mkdir(path.join(repo.dir, 'src'), { recursive: true });
    await writeFile(path.join(repo.dir, 'src/invoices.ts'), "declare const flags: { isEnabled(key: string): boolean };\nexport const bulk = () =>\n  flags.isEnabled('bulk-invoice-api');\n");
    await edit(repo, { [BULK]: null });
    const result = await check(repo);
    // The specs still assert the removed flag: they fail too, at their lines.
    expect(codes(result)).toEqual([
      `${BULK}:1:1 error FP003`, `${BULK}:4:1 error FP006`,
      'flags/tests/billing.yaml:17:7 error FT004', 'flags/tests/billing.yaml:21:7 error FT004', 'flags/tests/billing.yaml:27:7 error FT004',
    ]);
    expect(result.report.diagnostics[0]!.message).toContain('"bulk-invoice-api" is removed but code still reads it (src/invoices.ts:3)');
    expect(result.report.flags.map((f) => [f.key, f.status])).toEqual([['bulk-invoice-api', 'removed']]);
  });

  it('expires-horizon: a release expiring past policy.maxExpiresDays is an error on expires', async () => {
    const repo = await prRepo();
    await edit(repo, { [PDF]: [['expires: 2027-02-01', 'expires: 2028-01-01']] });
    const result = await check(repo);
    expect(codes(result)).toEqual([`${PDF}:6:1 error FP004`]);
    expect(result.report.diagnostics[0]!.message).toBe('expires 2028-01-01 is more than 180 days away (the latest allowed today is 2027-04-30) [expires-horizon]');
  });

  it('ops-not-deleted: removing an ops flag is an error', async () => {
    const repo = await prRepo();
    await edit(repo, { [MAINTENANCE]: null });
    expect(codes(await check(repo))).toEqual([`${MAINTENANCE}:4:1 error FP005`, 'flags/tests/platform.yaml:7:7 error FT004', 'flags/tests/platform.yaml:12:7 error FT004']);
  });

  it('permission-approval: the label from the pull-request event lifts it; policy.rules makes it a warning or turns it off', async () => {
    const repo = await prRepo();
    await edit(repo, { [CHATBOT]: [['[US, UK]', '[US, UK, CA]']] });
    expect(codes(await check(repo))).toEqual([`${CHATBOT}:7:3 error FP006`]);
    const event = path.join(await tempDir(), 'event.json');
    await writeFile(event, JSON.stringify({ pull_request: { number: 7, labels: [{ name: 'flags-owner-approved' }] } }));
    const labelled = await check(repo, { env: { GITHUB_EVENT_PATH: event } });
    expect(labelled.pullRequest).toEqual({ number: 7, labels: ['flags-owner-approved'] });
    expect(codes(labelled)).toEqual([]);
    await edit(repo, { 'flags/flagops.yaml': [['  maxExpiresDays: 180\n', '  maxExpiresDays: 180\n  rules: { permission-approval: warning }\n']] });
    expect(codes(await check(repo))).toEqual([`${CHATBOT}:7:3 warning FP006`]);
    await edit(repo, { 'flags/flagops.yaml': [['permission-approval: warning', 'FP006: off']] });
    expect(codes(await check(repo))).toEqual([]);
  });
});
