import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../src/core/compile/index.js';
import { compileProjectToDisk } from '../../src/io/compile.js';
import { explainFlag } from '../../src/io/eval.js';
import { lintProject } from '../../src/core/lint/index.js';
import { loadProject } from '../../src/io/project.js';
import { createEvaluator } from '../../src/sdk/evaluate/index.js';
import { copyExample } from '../support/tmp.js';
import { signer, trusted } from './support/bundles.js';
import { testClient } from './support/client.js';

const KEYS = ['ai-chatbot', 'bulk-invoice-api', 'maintenance-mode', 'new-pdf-engine', 'redesigned-dashboard'];

/** Contexts that hit every rule of the example flags, and miss them, with attributes sometimes absent. */
const contextArb = fc.record(
  {
    userId: fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.integer().map(String)),
    accountId: fc.oneof(fc.constantFrom('acct_internal_1', 'acct_1001', 'acct_1003', 'acct_beta_2', ''), fc.string({ maxLength: 10 })),
    plan: fc.constantFrom('free', 'pro', 'enterprise'),
    country: fc.constantFrom('US', 'UK', 'DE', 'us'),
    email: fc.oneof(fc.emailAddress(), fc.constant('ops@flagops.dev')),
  },
  { requiredKeys: [] },
);
const sample = fc.sample(contextArb, { numRuns: 10_000, seed: 20_26 });

/** What `flags eval` does for a flag (io/eval.ts explainFlag), with the project read once instead of per call. */
async function evalPipeline(cwd: string, environment: string) {
  const project = await loadProject('flags', { cwd });
  expect(lintProject(project).filter((d) => d.severity === 'error')).toEqual([]);
  const payload = compileBundle(project, environment, { version: 0, issuedAt: '1970-01-01T00:00:00Z', source: 'working-tree', ttlSeconds: 0 });
  return createEvaluator(payload);
}

const fields = ({ value, variation, reason, ruleIndex, errorCode }: { value: unknown; variation?: string; reason: string; ruleIndex?: number; errorCode?: string }) =>
  ({ value, variation, reason, ruleIndex, errorCode });

describe('the SDK agrees with `flags eval`', () => {
  it.each(['production', 'staging'])('on 10,000 generated contexts × 5 flags in %s, from a bundle written by `flags compile`', async (environment) => {
    const cwd = await copyExample();
    const config = path.join(cwd, 'flags/flagops.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace(/publicKey: \S+/, `publicKey: ${signer.publicKey}`));
    const compiled = await compileProjectToDisk({ cwd, out: 'bundles', environments: [environment], signingKey: signer.privateKeyPem, version: 3 });
    expect(compiled.bundles).toHaveLength(1);
    const { client, errors } = testClient({ source: path.join(cwd, 'bundles', `${environment}.json`), environment, keys: trusted });
    expect(await client.ready()).toBe(true);
    expect(errors).toEqual([]);
    const cli = await evalPipeline(cwd, environment);

    let disagreements = 0;
    const reasons = new Set<string>();
    for (const context of sample) {
      for (const key of KEYS) {
        const sdk = fields(client.evaluate(key, context));
        const explained = fields(cli.explain(key, context));
        reasons.add(sdk.errorCode ?? sdk.reason);
        if (JSON.stringify(sdk) !== JSON.stringify(explained)) {
          disagreements++;
          expect({ key, context, sdk }).toEqual({ key, context, sdk: explained });
        }
      }
    }
    expect(disagreements).toBe(0);
    // The contexts exercise rules, splits, defaults and missing bucketBy attributes.
    expect([...reasons].sort()).toEqual(expect.arrayContaining(['DEFAULT', 'SPLIT', 'TARGETING_MATCH', ...(environment === 'production' ? ['TARGETING_KEY_MISSING'] : [])]));

    // The shortcut above is the same computation as explainFlag itself: check a slice through the real function.
    for (const context of sample.slice(0, 8)) {
      for (const key of KEYS) {
        const real = await explainFlag({ cwd, key, environment, context });
        expect(fields(real.explanation!)).toEqual(fields(client.evaluate(key, context)));
      }
    }
  }, 60_000);
});
