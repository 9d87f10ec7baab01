import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPullRequest, type CheckResult } from '../../src/io/check.js';
import { createTestRepo, type TestRepo } from '../support/git.js';

export const PDF = 'flags/billing/new-pdf-engine.yaml';
export const CHATBOT = 'flags/growth/ai-chatbot.yaml';
export const DASHBOARD = 'flags/growth/redesigned-dashboard.yaml';
export const MAINTENANCE = 'flags/platform/maintenance-mode.yaml';
export const BULK = 'flags/billing/bulk-invoice-api.yaml';
export const BETA = 'flags/segments/beta-testers.yaml';

/** A repo seeded with the example (base = origin/main) and a `pr` branch checked out. */
export async function prRepo(): Promise<TestRepo> {
  const repo = await createTestRepo();
  await repo.git('checkout', '-q', '-b', 'pr');
  return repo;
}

/** Edits files of the working tree by text replacement (each `from` must occur) and commits. */
export async function edit(repo: TestRepo, edits: Record<string, [string | RegExp, string][] | null>): Promise<void> {
  for (const [file, replacements] of Object.entries(edits)) {
    const full = path.join(repo.dir, file);
    if (replacements === null) {
      await rm(full);
      continue;
    }
    let text = await readFile(full, 'utf8').catch(() => '');
    for (const [from, to] of replacements) {
      if (from !== '' && !(typeof from === 'string' ? text.includes(from) : from.test(text))) throw new Error(`${file}: "${String(from)}" not found`);
      text = from === '' ? to : text.replace(from, to);
    }
    await writeFile(full, text);
  }
  await repo.commit('change flags', {});
}

export function check(repo: TestRepo, options: { population?: string; env?: Record<string, string> } = {}): Promise<CheckResult> {
  return checkPullRequest({ cwd: repo.dir, population: options.population, env: options.env ?? {}, today: '2026-11-01' });
}

export const codes = (result: CheckResult) => result.report.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.code}`);
export const texts = (result: CheckResult, key: string) => result.report.flags.find((f) => f.key === key)?.changes.map((c) => c.text);
