import type { Config } from '../config.js';
import type { FlagDoc } from '../types.js';
import type { ParsedFile } from '../parse.js';

/** How a reference names its flag key. */
export type ReferenceVia = 'call' | 'template' | 'jsx' | 'constant' | 'codegen';

/** One place in code that reads a flag, with the key known exactly. */
export interface FlagReference {
  key: string;
  /** Path relative to the project root, posix separators. */
  file: string;
  /** 1-based position of the key expression. */
  line: number;
  col: number;
  /** The source line, trimmed. */
  code: string;
  via: ReferenceVia;
}

/** A flag read whose key the scan could not pin down; listed for a person, never dropped. */
export interface DynamicReference {
  file: string;
  line: number;
  col: number;
  code: string;
  /** Why the key is unknown, e.g. "template literal with substitutions". */
  reason: string;
}

/** One committed version of a flag file, parsed; `flag` undefined when deleted or unreadable. */
export interface FlagRevision {
  sha: string;
  date: string;
  flag: FlagDoc | undefined;
}

export const STALE_CATEGORIES = ['rolled-out', 'long-killed', 'expired', 'unreferenced', 'undefined'] as const;
export type StaleCategory = (typeof STALE_CATEGORIES)[number];

/** A flag that is done, or code that reads a flag that does not exist: one to-do item. */
export interface StaleFinding {
  key: string;
  category: StaleCategory;
  severity: 'error' | 'warning';
  message: string;
  /** The flag file, or the first reference for `undefined`. */
  file: string;
  line: number;
  col: number;
  /** ISO date since when the state holds (rolled-out, long-killed, expired). */
  since?: string;
  days?: number;
  /** Every site that reads the flag: the to-do list. */
  references: FlagReference[];
  /** The command that removes it, when there is one. */
  fix?: string;
}

/** What a detector sees: the project, each flag's history, the code references and the clock. */
export interface StaleInput {
  config: Config;
  flags: ParsedFile<FlagDoc>[];
  /** Flag file path → revisions newest first; empty when the file has no history. */
  history: Map<string, FlagRevision[]>;
  references: FlagReference[];
  now: Date;
}

/** One category's rule. Listed in `index.ts`. */
export interface StaleDetector {
  category: StaleCategory;
  detect(input: StaleInput): StaleFinding[];
}
