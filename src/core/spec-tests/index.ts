import type { BundlePayload } from '../../sdk/bundle/types.js';
import { createEvaluator, type Evaluator } from '../../sdk/evaluate/index.js';
import { locate, type ParsedFile, type PathSegment } from '../parse.js';
import { isObject, type ParsedProject } from '../project.js';
import type { Diagnostic } from '../types.js';
import { runCase } from './run-case.js';
import { DEFAULT_TOLERANCE, describeShares, round, runDistribution } from './run-distribution.js';
import { checkSpecSchema } from './schema.js';
import type { SpecCase, SpecDistribution, SpecDoc, SpecResult } from './types.js';

export { contextAt } from './template.js';
export { describeResolution } from './run-case.js';
export type { Expectation, SpecCase, SpecDistribution, SpecDoc, SpecResult } from './types.js';

/** Assertion finding codes: see the codes table in README.md. */
export const SPEC_CODES = { caseFailed: 'FT001', distributionFailed: 'FT002', unknownEnvironment: 'FT003', unknownFlag: 'FT004' } as const;

export interface SpecReport {
  results: SpecResult[];
  /** Failures and spec problems, located in the spec files. */
  diagnostics: Diagnostic[];
}

/**
 * Runs every spec of `project.tests` against the compiled payloads (environment → payload)
 * through the SDK's evaluator, so the assertions test exactly what SDKs will serve.
 */
export function runSpecTests(project: ParsedProject, bundles: Record<string, BundlePayload>): SpecReport {
  const evaluators = new Map<string, Evaluator>();
  const evaluatorFor = (env: string) => {
    const payload = bundles[env];
    if (!payload) return undefined;
    if (!evaluators.has(env)) evaluators.set(env, createEvaluator(payload));
    return evaluators.get(env);
  };
  const report: SpecReport = { results: [], diagnostics: [] };
  for (const parsed of project.tests) {
    const schema = checkSpecSchema(parsed);
    report.diagnostics.push(...schema);
    if (schema.length > 0 || !isObject(parsed.value)) continue;
    runFile(parsed as ParsedFile<SpecDoc>, project.config.environments[0] ?? 'production', evaluatorFor, report);
  }
  return report;
}

type EvaluatorFor = (env: string) => Evaluator | undefined;

const UNKNOWN_FLAG_HINT = "Check the key: it is the flag file's name without .yaml.";

/** What running one spec file needs: where to report, and how to reach an environment's evaluator. */
interface FileRun {
  parsed: ParsedFile<SpecDoc>;
  report: SpecReport;
  fail(code: string, path: PathSegment[], message: string, hint: string): void;
  environment(own: string | undefined, path: PathSegment[]): { env: string; evaluator: Evaluator | undefined };
}

function runFile(parsed: ParsedFile<SpecDoc>, fallbackEnv: string, evaluatorFor: EvaluatorFor, report: SpecReport): void {
  const doc = parsed.value!;
  const run: FileRun = {
    parsed,
    report,
    fail(code, path, message, hint) {
      const at = locate(parsed, path, { key: true });
      report.diagnostics.push({ code, severity: 'error', message, file: parsed.file, line: at.line, col: at.col, hint });
    },
    environment(own, path) {
      const env = own ?? doc.environment ?? fallbackEnv;
      const evaluator = evaluatorFor(env);
      if (!evaluator) run.fail(SPEC_CODES.unknownEnvironment, own ? [...path, 'environment'] : ['environment'], `no environment "${env}" was compiled`, 'Name an environment listed in flagops.yaml.');
      return { env, evaluator };
    },
  };
  for (const [i, spec] of (doc.cases ?? []).entries()) runOneCase(run, spec, i);
  for (const [i, spec] of (doc.distributions ?? []).entries()) runOneDistribution(run, spec, i);
}

function runOneCase(run: FileRun, spec: SpecCase, i: number): void {
  const { env, evaluator } = run.environment(spec.environment, ['cases', i]);
  if (!evaluator) return;
  const flags = Object.keys(spec.expect);
  const known = flags.filter((flag) => knownFlag(evaluator, flag, () => run.fail(SPEC_CODES.unknownFlag, ['cases', i, 'expect', flag], `no flag "${flag}" in the ${env} bundle`, UNKNOWN_FLAG_HINT)));
  const mismatches = runCase(evaluator, { ...spec, expect: Object.fromEntries(known.map((k) => [k, spec.expect[k]!])) });
  for (const m of mismatches) {
    run.fail(SPEC_CODES.caseFailed, ['cases', i, 'expect', m.flag], `case "${spec.name}": ${m.flag} in ${env} served ${m.got}, expected ${m.expected}`,
      'Either the flag changed who gets what (then fix the flag) or the expectation is out of date (then update this spec).');
  }
  const passed = mismatches.length === 0 && known.length === flags.length;
  const detail = passed ? `${plural(known.length, 'flag')} as expected` : mismatches.map((m) => `${m.flag}: ${m.got}, expected ${m.expected}`).join('; ') || 'unknown flag';
  run.report.results.push({ file: run.parsed.file, name: spec.name, kind: 'case', environment: env, passed, detail });
}

function runOneDistribution(run: FileRun, spec: SpecDistribution, i: number): void {
  const { env, evaluator } = run.environment(spec.environment, ['distributions', i]);
  if (!evaluator) return;
  if (!knownFlag(evaluator, spec.flag, () => run.fail(SPEC_CODES.unknownFlag, ['distributions', i, 'flag'], `no flag "${spec.flag}" in the ${env} bundle`, UNKNOWN_FLAG_HINT))) return;
  const outcome = runDistribution(evaluator, spec);
  for (const miss of outcome.misses) {
    run.fail(SPEC_CODES.distributionFailed, ['distributions', i, 'expect', miss.variation],
      `distribution "${spec.name}": ${spec.flag} in ${env} served ${miss.variation} to ${round(miss.got)}% of ${outcome.count.toLocaleString('en-US')} contexts, expected ${miss.expected}% ± ${spec.tolerance ?? DEFAULT_TOLERANCE}`,
      'A rollout percentage changed, or the generated contexts do not vary the bucketBy attribute (use {i} in it).');
  }
  const detail = `${describeShares(outcome.shares)} of ${outcome.count.toLocaleString('en-US')}`;
  run.report.results.push({ file: run.parsed.file, name: spec.name, kind: 'distribution', environment: env, passed: outcome.misses.length === 0, detail });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function knownFlag(evaluator: Evaluator, flag: string, onUnknown: () => void): boolean {
  if (evaluator.evaluate(flag, {}).errorCode !== 'FLAG_NOT_FOUND') return true;
  onUnknown();
  return false;
}
