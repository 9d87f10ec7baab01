import type { FileUpdate } from './repo.js';

/** A change to propose or commit: file updates plus the words that describe them. */
export interface PlannedChange {
  updates: FileUpdate[];
  /** Commit subject and PR title, e.g. `flags: ramp new-pdf-engine to 25% in production`. */
  title: string;
  /** PR body / commit body: the change in words and users. */
  body: string;
}

/**
 * Builds a change from the files at a commit. Flows call it again on a fresh tip when a push
 * loses a race, so the edit is re-applied to what is really there instead of rebasing text.
 */
export type ChangeBuilder = (read: (file: string) => Promise<string | undefined>) => Promise<PlannedChange>;
