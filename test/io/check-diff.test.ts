import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_REPORTERS } from '../../src/cli/render/check.js';
import { createMemoryOutput } from '../../src/cli/output.js';
import { postCheckComment } from '../../src/git/check-comment.js';
import { resolveConfig } from '../../src/core/config.js';
import { startGitHubServer } from '../support/github-server.js';
import { githubEnv } from '../support/gitops.js';
import { tempDir } from '../support/tmp.js';
import { BETA, CHATBOT, DASHBOARD, PDF, check, codes, edit, prRepo, texts } from './check-support.js';

const PLANS = ['free', 'pro', 'enterprise'], COUNTRIES = ['US', 'UK', 'CA', 'FR'];
const account = (i: number) => ({ accountId: `acct_${i}`, userId: `user_${i}`, plan: PLANS[i % 3]!, country: COUNTRIES[i % 4]! });

async function population(n: number): Promise<string> {
  const file = path.join(await tempDir(), 'accounts.jsonl');
  await writeFile(file, Array.from({ length: n }, (_, i) => JSON.stringify(account(i))).join('\n') + '\n');
  return file;
}

describe('flags check: what changes, for whom', () => {
  it('counts the blast radius over a population, per from → to', async () => {
    const repo = await prRepo();
    await edit(repo, {
      [PDF]: [['rollout: { on: 5 }', 'rollout: { on: 25 }']],
      'flags/tests/billing.yaml': [['expect: { on: 5, off: 95 }', 'expect: { on: 25, off: 75 }']],
      [CHATBOT]: [['[US, UK]', '[US, UK, CA]']],
    });
    const result = await check(repo, { population: await population(12_000) });
    const chatbot = result.report.flags.find((f) => f.key === 'ai-chatbot')!;
    const freeInCanada = Array.from({ length: 12_000 }, (_, i) => account(i)).filter((a) => a.plan === 'free' && a.country === 'CA').length;
    expect(chatbot.impact).toEqual([{ environment: 'production', text: `${freeInCanada.toLocaleString('en-US')} of 12,000 contexts (${(freeInCanada / 120).toFixed(1)}%) move from off to on`, moved: freeInCanada, total: 12_000, moves: [{ from: 'off', to: 'on', count: freeInCanada }] }]);
    const pdf = result.report.flags.find((f) => f.key === 'new-pdf-engine')!.impact[0]!;
    expect(pdf.text).toMatch(/^[\d,]+ of 12,000 accounts \(\d+\.\d%\) move from off to on$/);
    expect(pdf.moved! / 12_000).toBeGreaterThan(0.18);
    expect(pdf.moved! / 12_000).toBeLessThan(0.22);
  });

  it('states the bucket share without a population', async () => {
    const repo = await prRepo();
    await edit(repo, { [DASHBOARD]: [['default: { rollout: { control: 50, treatment: 50 } }\n  staging', 'default: { rollout: { control: 80, treatment: 20 } }\n  staging']], 'flags/tests/growth.yaml': [['{ control: 50, treatment: 50 }', '{ control: 80, treatment: 20 }']] });
    const result = await check(repo);
    expect(codes(result)).toEqual([]);
    expect(result.report.flags[0]!.impact).toEqual([{ environment: 'production', text: '30% of users (bucketed by userId) move from treatment to control' }]);
  });

  it('says renames, rules added, removed, reordered and changed, defaults, kills, variations and segments', async () => {
    const repo = await prRepo();
    await repo.git('mv', PDF, 'flags/billing/pdf-engine-v2.yaml');
    await edit(repo, {
      'flags/billing/pdf-engine-v2.yaml': [['key: new-pdf-engine', 'key: pdf-engine-v2']],
      'flags/tests/billing.yaml': [[/new-pdf-engine/g, 'pdf-engine-v2']],
      [CHATBOT]: [['        serve: on\n', '        serve: on\n      - name: staff\n        when: { email: { endsWith: "@flagops.dev" } }\n        serve: on\n'], ['[US, UK]', '[US, CA]']],
      [DASHBOARD]: [['  control: current\n', '  control: classic\n'], ['  staging:\n    rules:', '  staging:\n    killed: true\n    rules:']],
      'flags/billing/bulk-invoice-api.yaml': [['    default: off\n  staging', '    default: on\n  staging']],
      [BETA]: [['acct_beta_2, ', '']],
    });
    const result = await check(repo, { env: {} });
    expect(result.report.flags.map((f) => [f.key, f.status, f.renamedFrom])).toEqual([
      ['ai-chatbot', 'changed', undefined], ['bulk-invoice-api', 'changed', undefined], ['pdf-engine-v2', 'renamed', 'new-pdf-engine'], ['redesigned-dashboard', 'changed', undefined],
    ]);
    expect(texts(result, 'ai-chatbot')).toEqual([
      'production: rule "free plan in US and UK" now also matches country = CA; no longer matches country = UK',
      'production: rule "staff" added (serves on)',
    ]);
    expect(texts(result, 'bulk-invoice-api')).toEqual(['production: default off → on']);
    expect(texts(result, 'pdf-engine-v2')![0]).toBe('renamed from new-pdf-engine; rollouts are salted with the key, so users are bucketed afresh (add `salt: new-pdf-engine` to keep them where they are)');
    expect(texts(result, 'redesigned-dashboard')).toEqual(['variation "control" value current → classic', 'staging: killed']);
    expect(result.report.segments).toMatchObject([{ key: 'beta-testers', changes: [{ text: 'no longer includes accountId = acct_beta_2' }], flags: ['redesigned-dashboard'] }]);
  });

  it('says when rules change order and when a rule is removed', async () => {
    const repo = await prRepo();
    const rules = '    rules:\n      - name: contracted accounts\n        when: { accountId: { in: [acct_1001, acct_1002, acct_1003] } }\n        serve: on\n';
    await edit(repo, { 'flags/billing/bulk-invoice-api.yaml': [[rules, `${rules}      - name: pilots\n        when: { plan: { eq: pilot } }\n        serve: on\n`]] });
    await repo.git('push', '-q', 'origin', 'pr:main');
    await edit(repo, { 'flags/billing/bulk-invoice-api.yaml': [[/ {6}- name: contracted[\s\S]*?serve: on\n( {6}- name: pilots[\s\S]*?serve: on\n)/, '$1']] });
    expect(texts(await check(repo), 'bulk-invoice-api')).toEqual(['production: rule "contracted accounts" removed']);
  });

  it('fails a pull request whose YAML is broken with an annotation at the broken line', async () => {
    const repo = await prRepo();
    await edit(repo, { [PDF]: [['    default: { rollout: { on: 5 }, bucketBy: accountId }', '    default: { rollout: { on: 5 }, bucketBy: accountId']] });
    const result = await check(repo);
    const github = CHECK_REPORTERS.github(result, createMemoryOutput().color).split('\n');
    expect(github.filter((l) => l.startsWith('::error'))).toEqual([
      expect.stringMatching(/^::error file=flags\/billing\/new-pdf-engine\.yaml,line=1[78],col=\d+,title=FF001::YAML: /),
    ]);
    expect(result.report.tests).toEqual([]);
  });

  it('renders the pull-request comment (reviewed snapshot) and annotations on the lines concerned', async () => {
    const repo = await prRepo();
    await edit(repo, {
      [PDF]: [['rollout: { on: 5 }', 'rollout: { on: 25 }']],
      [CHATBOT]: [['[US, UK]', '[US, UK, CA]']],
      [BETA]: [['include: [', 'include: [acct_beta_3, ']],
    });
    const result = await check(repo);
    const color = createMemoryOutput().color;
    const markdown = CHECK_REPORTERS.markdown(result, color).replaceAll(result.base.sha.slice(0, 7), '<sha>');
    await expect(markdown).toMatchFileSnapshot('__snapshots__/check-comment.md');
    expect(CHECK_REPORTERS.github(result, color).split('\n').slice(0, 4)).toEqual([
      '::notice file=flags/growth/ai-chatbot.yaml,line=7,col=3,title=flag ai-chatbot::production: rule "free plan in US and UK" now also matches country = CA',
      '::notice file=flags/billing/new-pdf-engine.yaml,line=12,col=3,title=flag new-pdf-engine::production: rollout on 5%25 → 25%25 — 20%25 of accounts (bucketed by accountId) move from off to on, among those no rule matches',
      '::notice file=flags/growth/redesigned-dashboard.yaml,line=2,col=6,title=flag redesigned-dashboard::segment beta-testers changed: now includes accountId = acct_beta_3',
      '::notice file=flags/segments/beta-testers.yaml,line=1,col=1,title=segment beta-testers::now includes accountId = acct_beta_3',
    ]);
    expect(CHECK_REPORTERS.github(result, color)).toContain('::error file=flags/tests/billing.yaml,line=33,col=15,title=FT002::distribution "about 5%25 of accounts get the new PDF engine"');
  });

  it('creates the sticky comment once, then updates it in place', async () => {
    const repo = await prRepo();
    const gh = await startGitHubServer({ token: 'test-token' });
    const env = githubEnv(gh);
    const config = resolveConfig(undefined);
    const first = await postCheckComment({ cwd: repo.dir, config, pr: 12, body: '<!-- flagops-check -->\nfirst', env });
    const second = await postCheckComment({ cwd: repo.dir, config, pr: 12, body: '<!-- flagops-check -->\nsecond', env });
    expect([first.created, second.created]).toEqual([true, false]);
    expect(gh.comments).toEqual([{ id: 1001, issue: 12, body: '<!-- flagops-check -->\nsecond' }]);
    expect(gh.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/acme/flags/issues/12/comments', 'PATCH /repos/acme/flags/issues/comments/1001',
    ]);
    await expect(postCheckComment({ cwd: repo.dir, config, pr: undefined, body: 'x', env })).rejects.toThrow('--comment needs a pull request number');
  });
});
