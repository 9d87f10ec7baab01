import type { Change } from '../diff.js';
import { lintProject, sortDiagnostics } from '../lint/index.js';
import { locate } from '../parse.js';
import { runSpecTests } from '../spec-tests/index.js';
import type { Diagnostic } from '../types.js';
import { blastRadius, evaluatorCache } from './blast-radius.js';
import { compileAll } from './compile-all.js';
import { pairFlags } from './pairs.js';
import { runPolicies } from './policies/index.js';
import { flagReports, segmentReports } from './reports.js';
import type { CheckInput, CheckReport, FlagPair, FlagReport, SegmentReport } from './types.js';

export { POLICIES } from './policies/index.js';
export { compileAll } from './compile-all.js';
export type * from './types.js';

/**
 * The pull-request check, pure: lint the head, compile both sides in memory, say what changed
 * for whom, apply the policies and run the assertion specs. Error-level diagnostics fail it.
 */
export function checkChanges(input: CheckInput): CheckReport {
  const { head, base } = input;
  const diagnostics: Diagnostic[] = lintProject(head, { today: input.today, specs: false });
  const compiled = diagnostics.some((d) => d.severity === 'error') ? undefined : compileAll(head);
  if (compiled) diagnostics.push(...compiled.diagnostics);
  const pairs = pairFlags(base, head);
  const flags = flagReports(pairs);
  const segments = segmentReports(base, head, pairs);
  addSegmentOnlyFlags(flags, segments, pairs);
  const production = head.config.environments.includes('production') ? 'production' : head.config.environments[0] ?? 'production';
  const changes = new Map<string, Change[]>(flags.map((f) => [f.key, f.changes]));
  diagnostics.push(...runPolicies({ input, pairs, production, changes }));
  const report: CheckReport = { flags, segments, diagnostics: [], tests: [] };
  if (compiled && Object.keys(compiled.bundles).length > 0) {
    const specs = runSpecTests(head, compiled.bundles);
    diagnostics.push(...specs.diagnostics);
    report.tests = specs.results;
    const sides = { base: base ? safeCompile(base) : {}, head: compiled.bundles };
    const evaluator = evaluatorCache(sides);
    for (const flag of flags) flag.impact = blastRadius(flag.key, flag.renamedFrom ?? flag.key, sides, input.population, evaluator);
  }
  if (input.population) report.population = input.population.length;
  report.diagnostics = sortDiagnostics(diagnostics);
  return report;
}

/** The base may predate rules the head's lint enforces; a base that cannot compile just has no radius. */
function safeCompile(base: NonNullable<CheckInput['base']>) {
  return compileAll(base).bundles;
}

/** A flag whose only change is a segment it names changes behaviour too: list it with the segment. */
function addSegmentOnlyFlags(flags: FlagReport[], segments: SegmentReport[], pairs: FlagPair[]): void {
  for (const segment of segments) {
    for (const key of segment.flags) {
      const pair = pairs.find((p) => p.key === key);
      const file = pair?.after ?? pair?.before;
      if (!file || flags.some((f) => f.key === key)) continue;
      const at = locate(file, ['key']);
      const text = `segment ${segment.key} changed: ${segment.changes.map((c) => c.text).join('; ')}`;
      flags.push({ key, file: file.file, status: 'changed', changes: [{ kind: 'segment', text, file: file.file, line: at.line, col: at.col }], impact: [] });
    }
  }
  flags.sort((a, b) => a.key.localeCompare(b.key));
}
