import type { Config } from '../config.js';
import type { ParsedFile, PathSegment } from '../parse.js';
import type { ParsedProject } from '../project.js';
import type { Severity } from '../types.js';
import type { FlagModel, SegmentModel } from './model.js';

/** Everything a rule may look at; built once per lint run. */
export interface LintContext {
  project: ParsedProject;
  config: Config;
  /** `YYYY-MM-DD`. */
  today: string;
  flags: FlagModel[];
  segments: SegmentModel[];
  /** Environments flagops.yaml lists; undefined when it lists none usable. */
  environments?: string[];
  /** Flags by key (the first file declaring it). */
  flagsByKey: Map<string, FlagModel>;
}

/** A problem a rule found; the registry adds code, severity and line/column. */
export interface LintFinding {
  /** The file and the path of the node inside it; no file for project-level findings. */
  file?: ParsedFile;
  path?: PathSegment[];
  /** Point at the key naming the last path segment rather than its value. */
  key?: boolean;
  message: string;
  hint?: string;
}

export interface LintRule {
  /** Stable, documented: `FF0xx`. */
  code: string;
  severity: Severity;
  /** One line for the codes table. */
  description: string;
  check(ctx: LintContext): LintFinding[];
}
