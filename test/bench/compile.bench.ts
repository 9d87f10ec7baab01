/**
 * Compile speed: 10,000 generated flags, parse only vs parse + lint + compile + sign (both
 * environments). Goal: the full pipeline within 2× of merely parsing the YAML.
 */
import { compileBundle } from '../../src/core/compile/index.js';
import { lintProject } from '../../src/core/lint/index.js';
import { parseProject, type ProjectFiles } from '../../src/core/project.js';
import { generateKeyPair, signPayload } from '../../src/core/sign.js';

const FLAGS = 10_000;
const CONFIG = 'environments: [production, staging]\nbundle: { dir: dist/flags, ttl: 30d }\ndefaults: { bucketBy: userId }\n';
const META = { version: 1, issuedAt: '2026-01-01T00:00:00Z', source: 'bench', ttlSeconds: 30 * 86_400 };

function flagText(i: number): string {
  const key = `flag-${i}`;
  const head = `key: ${key}\ndescription: Generated flag ${i} for the compile benchmark\nkind: ${i % 4 === 0 ? 'ops' : 'permission'}\nowner: team-${i % 17}\n`;
  switch (i % 4) {
    case 0: // a switch
      return `${head}environments:\n  production:\n    default: off\n  staging:\n    default: on\n`;
    case 1: // targeting rules
      return `${head}environments:\n  production:\n    rules:\n      - name: pro in US\n        when:\n          plan: { in: [pro, team] }\n          country: { eq: US }\n        serve: on\n      - name: beta\n        segment: segment-${i % 20}\n        serve: on\n    default: off\n  staging:\n    default: on\n`;
    case 2: // percentage rollout
      return `${head}environments:\n  production:\n    rules:\n      - when: { email: { endsWith: '@example.com' } }\n        serve: on\n    default: { rollout: { on: ${(i % 100) + 0.5} }, bucketBy: accountId }\n  staging:\n    default: { rollout: { on: 50 } }\n`;
    default: // multivariate experiment
      return `${head}variations:\n  control: current\n  a: variant-a\n  b: variant-b\nkillVariation: control\nenvironments:\n  production:\n    rules:\n      - when: { any: [{ version: { semverGt: 2.1.0 } }, { beta: { eq: true } }] }\n        serve: a\n    default: { rollout: { control: 34, a: 33, b: 33 } }\n  staging:\n    default: b\n`;
  }
}

export function files(n = FLAGS): ProjectFiles {
  return {
    dir: 'flags',
    config: { path: 'flags/flagops.yaml', text: CONFIG },
    flags: Array.from({ length: n }, (_, i) => ({ path: `flags/team-${i % 17}/flag-${i}.yaml`, text: flagText(i) })),
    segments: Array.from({ length: 20 }, (_, i) => ({ path: `flags/segments/segment-${i}.yaml`, text: `key: segment-${i}\nattribute: accountId\ninclude: [acct_${i}_1, acct_${i}_2]\n` })),
    tests: [],
  };
}

function time<T>(fn: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const value = fn();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

export async function run(): Promise<void> {
  const input = files();
  const key = generateKeyPair().privateKeyPem;
  time(() => parseProject({ ...input, flags: input.flags.slice(0, 500) })); // warm-up
  const [, parseMs] = time(() => parseProject(input));
  const [project, parse2Ms] = time(() => parseProject(input));
  const [diagnostics, lintMs] = time(() => lintProject(project, { today: '2026-01-01' }));
  const [payloads, compileMs] = time(() => ['production', 'staging'].map((env) => compileBundle(project, env, META)));
  const [envelopes, signMs] = time(() => payloads.map((p) => signPayload(p, key)));
  const parse = Math.min(parseMs, parse2Ms);
  const full = parse + lintMs + compileMs + signMs;
  const bytes = envelopes.reduce((n, e) => n + e.payload.length, 0);
  console.log(`${FLAGS} flags, ${diagnostics.filter((d) => d.severity === 'error').length} lint errors, 2 environments, ${(bytes / 1e6).toFixed(1)} MB of base64 payload`);
  console.log(`parse only            ${parse.toFixed(0)} ms`);
  console.log(`  + lint              ${lintMs.toFixed(0)} ms`);
  console.log(`  + compile           ${compileMs.toFixed(0)} ms`);
  console.log(`  + sign (canonical)  ${signMs.toFixed(0)} ms`);
  console.log(`parse+lint+compile+sign ${full.toFixed(0)} ms = ${(full / parse).toFixed(2)}× parse (goal ≤ 2×); without lint ${((full - lintMs) / parse).toFixed(2)}×`);
}
