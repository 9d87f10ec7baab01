import { locate } from '../parse.js';
import { isObject, type ParsedProject } from '../project.js';
import { checkSchema } from '../schema.js';
import { checkSpecSchema } from '../spec-tests/schema.js';
import type { Diagnostic, Severity } from '../types.js';
import { modelFlag, modelSegment, type FlagModel, type SegmentModel } from './model.js';
import { RULES } from './registry.js';
import type { LintContext, LintFinding, LintRule } from './types.js';

export { RULES } from './registry.js';
export type { LintContext, LintFinding, LintRule } from './types.js';

export interface LintOptions {
  /** `YYYY-MM-DD` the expiry checks compare against; default the current UTC date. */
  today?: string;
  /**
   * Also schema-check the assertion specs under `tests/`; default true. Compiling passes false (a
   * spec's shape does not change a bundle), and so do `flags test` and `flags check`, which run
   * the specs and report each one's schema problems themselves.
   */
  specs?: boolean;
}

/**
 * Every problem of a flags project in one pass: YAML, schema, then the semantic rules, sorted
 * by file, line and column. Severities follow `policy.rules` in flagops.yaml (`off` drops a code).
 */
export function lintProject(project: ParsedProject, options: LintOptions = {}): Diagnostic[] {
  const diagnostics = [...project.diagnostics, ...schemaDiagnostics(project, options.specs ?? true)];
  const ctx = buildContext(project, options.today ?? new Date().toISOString().slice(0, 10));
  for (const rule of RULES) {
    for (const finding of rule.check(ctx)) diagnostics.push(toDiagnostic(rule, finding));
  }
  return sortDiagnostics(applySeverities(diagnostics, project.config.policy.rules));
}

function schemaDiagnostics(project: ParsedProject, specs: boolean): Diagnostic[] {
  return [
    ...(project.configFile ? checkSchema(project.configFile, 'config') : []),
    ...project.flags.flatMap((f) => checkSchema(f, 'flag')),
    ...project.segments.flatMap((s) => checkSchema(s, 'segment')),
    ...(specs ? project.tests.flatMap(checkSpecSchema) : []),
  ];
}

function buildContext(project: ParsedProject, today: string): LintContext {
  const flags = project.flags.map(modelFlag).filter((f): f is FlagModel => f !== undefined);
  const segments = project.segments.map(modelSegment).filter((s): s is SegmentModel => s !== undefined);
  const flagsByKey = new Map<string, FlagModel>();
  for (const flag of flags) if (flag.key !== undefined && !flagsByKey.has(flag.key)) flagsByKey.set(flag.key, flag);
  const raw = isObject(project.configFile?.value) ? project.configFile.value.environments : undefined;
  // Without a usable environments list, every flag's environments would look unknown: say nothing.
  const environments = Array.isArray(raw) && raw.every((e) => typeof e === 'string') ? raw : undefined;
  return { project, config: project.config, today, flags, segments, flagsByKey, environments };
}

function toDiagnostic(rule: LintRule, finding: LintFinding): Diagnostic {
  const place = finding.file ? locate(finding.file, finding.path ?? [], { key: finding.key }) : { line: 0, col: 0 };
  return {
    code: rule.code,
    severity: rule.severity,
    message: finding.message,
    file: finding.file?.file ?? '',
    line: place.line,
    col: place.col,
    ...(finding.hint ? { hint: finding.hint } : {}),
  };
}

function applySeverities(diagnostics: Diagnostic[], overrides: Record<string, 'error' | 'warning' | 'off'>): Diagnostic[] {
  if (!isObject(overrides)) return diagnostics;
  return diagnostics.flatMap((d) => {
    const override = overrides[d.code];
    if (override === 'off') return [];
    return override === 'error' || override === 'warning' ? [{ ...d, severity: override as Severity }] : [d];
  });
}

/** By file, then line, then column; project-level findings (line 0) first within their file. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col || a.code.localeCompare(b.code)));
}
