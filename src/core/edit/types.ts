import type { FlagDoc } from '../types.js';

/** The result of a pure edit of one flag file. */
export interface FlagEdit {
  /** The new file text; equal to the input when nothing changed. */
  text: string;
  before: FlagDoc;
  after: FlagDoc;
  /** False when the flag already was in the requested state (no commit to make). */
  changed: boolean;
  /** The change in words, with users: what a PR body or a log line says. */
  description: string;
}
