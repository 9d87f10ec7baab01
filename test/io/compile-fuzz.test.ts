import { access, cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../src/core/compile/index.js';
import { FlagsError } from '../../src/core/errors.js';
import { lintProject } from '../../src/core/lint/index.js';
import { parseYamlFile } from '../../src/core/parse.js';
import { parseProject, type ParsedProject } from '../../src/core/project.js';
import type { FlagDoc } from '../../src/core/types.js';
import { unsignedEnvelope } from '../../src/core/sign.js';
import { compileProjectToDisk } from '../../src/io/compile.js';
import { EXAMPLE_FLAGS, tempDir } from '../support/tmp.js';

const FLAG_FILES = ['billing/new-pdf-engine.yaml', 'billing/bulk-invoice-api.yaml', 'growth/ai-chatbot.yaml', 'growth/redesigned-dashboard.yaml', 'platform/maintenance-mode.yaml'];
const seeds = await Promise.all(FLAG_FILES.map(async (f) => ({ path: `flags/${f}`, text: await readFile(path.join(EXAMPLE_FLAGS, f), 'utf8') })));
const config = await readFile(path.join(EXAMPLE_FLAGS, 'flagops.yaml'), 'utf8');
const segment = await readFile(path.join(EXAMPLE_FLAGS, 'segments/beta-testers.yaml'), 'utf8');

const ALIAS_BOMB = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
const weird = fc.oneof(
  fc.constantFrom('1e400', '-0', '99999999999999999999999', 'null', '~', '[]', '{}', 'true', '"on"', '.nan', '!!binary aGk=', '*nope', '&x', ': :', '\t', '- - -'),
  fc.integer().map(String),
  fc.double().map(String),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.nat({ max: 60 }).map((n) => `${'['.repeat(n)}x${']'.repeat(n)}`),
  fc.nat({ max: 60 }).map((n) => `${'{a: '.repeat(n)}1${'}'.repeat(n)}`),
);

/** A mutation of one example flag file: truncation, a wrong-typed value, random bytes, a swap of lines, a bomb. */
const mutated = fc.record({ seed: fc.constantFrom(...seeds), cut: fc.nat(), value: weird, bytes: fc.string({ maxLength: 8, unit: 'binary' }), kind: fc.nat({ max: 4 }) }).map(({ seed, cut, value, bytes, kind }) => {
  const { text } = seed;
  const at = cut % (text.length + 1);
  const lines = text.split('\n');
  const line = cut % lines.length;
  switch (kind) {
    case 0: return { ...seed, text: text.slice(0, at) };
    case 1: return { ...seed, text: lines.map((l, i) => (i === line ? l.replace(/:\s.*$/, `: ${value}`) : l)).join('\n') };
    case 2: return { ...seed, text: text.slice(0, at) + bytes + text.slice(at) };
    case 3: return { ...seed, text: lines.map((l, i) => (i === line ? lines[(line + 1) % lines.length]! : l)).join('\n') };
    default: return { ...seed, text: text.slice(0, at) + `\nx: ${value}\n` + ALIAS_BOMB.replaceAll('\n', `\n${' '.repeat(cut % 3)}`) };
  }
});

/** The config and segment parsed once; each run adds only the mutated flag (re-parsing the rest would only cost time). */
const base = parseProject({
  dir: 'flags',
  config: { path: 'flags/flagops.yaml', text: config },
  flags: [],
  segments: [{ path: 'flags/segments/beta-testers.yaml', text: segment }],
  tests: [],
});

function projectWith(flag: { path: string; text: string }): ParsedProject {
  const parsed = parseYamlFile<FlagDoc>(flag);
  return { ...base, flags: [parsed], diagnostics: [...base.diagnostics, ...parsed.diagnostics] };
}

const META = { version: 1, issuedAt: '2026-01-01T00:00:00Z', source: 'fuzz', ttlSeconds: 60 };

describe('lint + compile on mutated flag files', () => {
  it('never throws unexpectedly: lint reports located problems, and lint-clean files compile', () => {
    fc.assert(
      fc.property(mutated, (flag) => {
        const project = projectWith(flag);
        const diagnostics = lintProject(project, { today: '2026-01-01' });
        for (const d of diagnostics) expect(d.file, JSON.stringify(d)).not.toBe('');
        if (diagnostics.some((d) => d.severity === 'error')) return;
        for (const environment of project.config.environments) unsignedEnvelope(compileBundle(project, environment, META));
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it('writes nothing when compile refuses', async () => {
    const dir = await tempDir('flagops-fuzz-');
    await cp(EXAMPLE_FLAGS, path.join(dir, 'flags'), { recursive: true });
    let run = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(mutated, async (flag) => {
        await writeFile(path.join(dir, flag.path), flag.text);
        const out = `out-${run++}`;
        let wrote: boolean;
        try {
          const result = await compileProjectToDisk({ cwd: dir, out, unsigned: true, version: 1 });
          wrote = result.bundles.length > 0;
          expect(wrote).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
        } catch (error) {
          expect(error).toBeInstanceOf(FlagsError);
          wrote = false;
        } finally {
          await writeFile(path.join(dir, flag.path), seeds.find((s) => s.path === flag.path)!.text);
        }
        expect(await access(path.join(dir, out)).then(() => true, () => false)).toBe(wrote);
        if (!wrote) refused++;
      }),
      { numRuns: 150 },
    );
    expect(refused).toBeGreaterThan(0);
  }, 120_000);
});
