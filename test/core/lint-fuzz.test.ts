import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { lintProject } from '../../src/core/lint/index.js';
import { parseProject } from '../../src/core/project.js';
import { EXAMPLE_FLAGS } from '../support/tmp.js';

const SEEDS = ['billing/new-pdf-engine', 'billing/bulk-invoice-api', 'growth/ai-chatbot', 'growth/redesigned-dashboard', 'platform/maintenance-mode', 'segments/beta-testers']
  .map((name) => readFileSync(path.join(EXAMPLE_FLAGS, `${name}.yaml`), 'utf8'));
const CONFIG = readFileSync(path.join(EXAMPLE_FLAGS, 'flagops.yaml'), 'utf8');
const YAML_BYTES = [...':-{}[],&*!|>#%@`\'"?\n\t \\', '\u0000', '\uFEFF', 'é', '😀'];

const seed = fc.constantFrom(...SEEDS);
const position = (text: string) => fc.nat({ max: Math.max(0, text.length) });

const truncated = seed.chain((text) => position(text).map((at) => text.slice(0, at)));
const replaced = seed.chain((text) =>
  fc.array(fc.tuple(position(text), fc.oneof(fc.constantFrom(...YAML_BYTES), fc.string({ maxLength: 3 }))), { minLength: 1, maxLength: 8 })
    .map((edits) => edits.reduce((t, [at, s]) => t.slice(0, at) + s + t.slice(at + 1), text)),
);
const randomBytes = fc.uint8Array({ maxLength: 300 }).map((bytes) => new TextDecoder().decode(bytes));
const hugeNumber = fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 1e-320, -0, 100.0000001, 99.9999, '.nan', '.inf', '-.inf', '0x1F', '1_000');

/** A value of the wrong kind put at a random place of a seed document, re-serialized. */
const SEED_VALUES = SEEDS.map((text) => parse(text) as unknown);
const wrongTypes = fc.tuple(fc.constantFrom(...SEED_VALUES), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.oneof(fc.jsonValue({ maxDepth: 3 }), hugeNumber), fc.boolean())
  .map(([seedValue, steps, value, remove]) => {
    const doc = structuredClone(seedValue);
    let node = doc as Record<string, unknown>;
    for (const [i, step] of steps.entries()) {
      const keys = Object.keys(node);
      const key = keys[step % Math.max(1, keys.length)] ?? 'extra';
      const child = node[key];
      if (i === steps.length - 1 || typeof child !== 'object' || child === null) {
        if (remove) delete node[key];
        else node[key] = value;
        break;
      }
      node = child as Record<string, unknown>;
    }
    return remove ? JSON.stringify(doc) : stringify(doc);
  });

const deepNesting = fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom('[', '{a: ', '- ', 'any')).map(([depth, kind]) => {
  if (kind === 'any') return `key: f\nkind: ops\nenvironments:\n  production:\n    rules:\n      - when: ${'{ any: [ '.repeat(depth)}{a: {eq: 1}}${' ] }'.repeat(depth)}\n        serve: on\n    default: off\n`;
  const close = kind === '[' ? ']' : kind === '{a: ' ? '}' : '';
  return `key: ${kind.repeat(depth)}x${close.repeat(depth)}\n`;
});

const aliasBomb = fc.integer({ min: 2, max: 9 }).map((levels) => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\nkey: bomb\nkind: ops\nenvironments: { production: { default: *a${levels - 1} } }\n`;
});

const mutated = fc.oneof(truncated, replaced, randomBytes, wrongTypes, deepNesting, aliasBomb);

const DOCS_PER_RUN = 5;
const RUNS = 2_000;

describe('lint on mutated YAML', () => {
  it(`never throws, never hangs, and locates every problem (${DOCS_PER_RUN * RUNS} documents)`, () => {
    fc.assert(
      fc.property(fc.array(mutated, { minLength: DOCS_PER_RUN, maxLength: DOCS_PER_RUN }), (texts) => {
        // The last document plays a segment, the others flags: every one is parsed and linted once.
        const flags = texts.slice(0, -1).map((text, i) => ({ path: `flags/f${i}.yaml`, text }));
        const segments = [{ path: 'flags/segments/beta-testers.yaml', text: texts.at(-1)! }];
        const start = performance.now();
        const diagnostics = lintProject(parseProject({ dir: 'flags', config: { path: 'flags/flagops.yaml', text: CONFIG }, flags, segments, tests: [] }), { today: '2026-06-01' });
        // Generous on a loaded CI machine; a backtracking or exponential walk takes far longer.
        expect(performance.now() - start).toBeLessThan(2_000);
        for (const d of diagnostics) {
          expect(d.file).toMatch(/^flags\/.+\.yaml$/);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.col).toBeGreaterThanOrEqual(1);
          expect(typeof d.message).toBe('string');
          expect(d.message.length).toBeLessThan(500);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
