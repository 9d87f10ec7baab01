import type { Context } from '../../sdk/evaluate/types.js';
import type { Change } from '../diff.js';
import type { ParsedFile, PathSegment } from '../parse.js';
import type { ParsedProject } from '../project.js';
import type { SpecResult } from '../spec-tests/index.js';
import type { Diagnostic, FlagDoc } from '../types.js';

/** A place in code that reads a flag (from the code scanner, or a text search). */
export interface CodeReference {
  key: string;
  file: string;
  line: number;
}

/** Everything `flags check` compares; gathered at the I/O edge. */
export interface CheckInput {
  head: ParsedProject;
  /** The base revision's flags folder; undefined when the base has none (first PR). */
  base?: ParsedProject;
  /** Code references at head, for the "removed but still referenced" policy. */
  references?: CodeReference[];
  /** The pull request's labels; undefined when not checking a pull request. */
  labels?: string[];
  /** `YYYY-MM-DD` the expiry checks use. */
  today: string;
  /** Contexts to measure the blast radius on (e.g. exported accounts). */
  population?: Context[];
}

/** One flag on both sides; renames pair the old key's file with the new one's. */
export interface FlagPair {
  key: string;
  before?: ParsedFile<FlagDoc>;
  after?: ParsedFile<FlagDoc>;
  renamedFrom?: string;
}

/** A change located where a reviewer should look. */
export interface LocatedChange extends Change {
  file: string;
  line: number;
  col: number;
}

/** Who gets a different value in one environment. */
export interface Impact {
  environment: string;
  /** The sentence, e.g. `3,012 of 12,000 accounts (25.1%) move from off to on`. */
  text: string;
  /** With a population: counts per move. */
  moved?: number;
  total?: number;
  moves?: { from: string; to: string; count: number }[];
}

export interface FlagReport {
  key: string;
  /** The head file, or the base file when the flag was removed. */
  file: string;
  status: 'added' | 'removed' | 'renamed' | 'changed';
  renamedFrom?: string;
  changes: LocatedChange[];
  impact: Impact[];
}

export interface SegmentReport {
  key: string;
  file: string;
  status: 'added' | 'removed' | 'changed';
  changes: LocatedChange[];
  /** Keys of the flags whose rules name the segment. */
  flags: string[];
}

export interface CheckReport {
  flags: FlagReport[];
  segments: SegmentReport[];
  /** Lint, compile, policy and spec findings, sorted by place. */
  diagnostics: Diagnostic[];
  tests: SpecResult[];
  /** The population's size, when one was given. */
  population?: number;
}

/** What a policy sees. */
export interface PolicyContext {
  input: CheckInput;
  pairs: FlagPair[];
  /** The environment treated as production: `production` when declared, else the first. */
  production: string;
  /** Changes per flag key (head key). */
  changes: Map<string, Change[]>;
}

export interface PolicyFinding {
  file: ParsedFile;
  path: PathSegment[];
  message: string;
  hint: string;
}

/** A check on the change a pull request makes; one file each, listed in `policies/index.ts`. */
export interface Policy {
  /** The name `policy.rules` switches it by (its code works too). */
  id: string;
  code: string;
  description: string;
  check(ctx: PolicyContext): PolicyFinding[];
}
