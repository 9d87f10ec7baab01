import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFlags } from '../../src/io/spec-tests.js';
import { runFlags } from '../support/cli.js';
import { createTestRepo } from '../support/git.js';
import { copyExample } from '../support/tmp.js';

describe('flags test', () => {
  it('passes on the example specs', async () => {
    const cwd = await copyExample();
    const result = await testFlags({ cwd });
    expect(result.diagnostics).toEqual([]);
    expect(result.results.length).toBeGreaterThanOrEqual(13);
    expect(result.results.every((r) => r.passed)).toBe(true);
  });

  it('fails a wrong expectation at the spec line, with what was served', async () => {
    const cwd = await copyExample();
    const file = path.join(cwd, 'flags/tests/growth.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('      ai-chatbot: off\n', '      ai-chatbot: on\n'));
    const result = await testFlags({ cwd });
    expect(result.diagnostics).toEqual([{
      code: 'FT001', severity: 'error', file: 'flags/tests/growth.yaml', line: 12, col: 7,
      message: 'case "but not on paid plans": ai-chatbot in production served off (value false, DEFAULT), expected on',
      hint: expect.any(String),
    }]);
  });

  it('says the specs did not run because of errors, not that there are none', async () => {
    const cwd = await copyExample();
    await writeFile(path.join(cwd, 'flags/billing/new-pdf-engine.yaml'), 'key: new-pdf-engine\n  broken: [\n');
    const result = await runFlags(['test'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('no assertion specs ran: fix the errors below first');
    expect(result.stdout).toContain('flags/billing/new-pdf-engine.yaml:1:6 error FF001');
  });

  it('spawns the real bin: flags test exits 0, flags check exits 1 on a failing spec, without colors', async () => {
    const repo = await createTestRepo();
    const ok = await runFlags(['test'], { cwd: repo.dir });
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toContain('specs: 13 passed, 0 failed');
    await repo.git('checkout', '-q', '-b', 'pr');
    const pdf = path.join(repo.dir, 'flags/billing/new-pdf-engine.yaml');
    await writeFile(pdf, (await readFile(pdf, 'utf8')).replace('rollout: { on: 5 }', 'rollout: { on: 30 }'));
    await repo.commit('ramp', {});
    const check = await runFlags(['check'], { cwd: repo.dir });
    expect(check.exitCode).toBe(1);
    expect(check.stdout.includes('\u001b[')).toBe(false);
    expect(check.stdout).toContain('production: rollout on 5% → 30%');
    expect(check.stdout).toContain('→ production: 25% of accounts (bucketed by accountId) move from off to on, among those no rule matches');
    expect(check.stdout).toContain('flags/tests/billing.yaml:33:15 error FT002');
  });
});
