import type { BenchContext, FlagSpec } from '../specs.js';

/** One SDK under test, driven through its own native format and full evaluation path. */
export interface Subject {
  name: string;
  /** How evaluation is called, for the table's notes. */
  note: string;
  /** The SDK's native flag document for the specs, as JSON text (what it would download). */
  serialize(flags: FlagSpec[]): string;
  /** Loads the native document into a ready SDK instance. */
  load(text: string): Promise<Loaded>;
}

export interface Loaded {
  /** Contexts in the SDK's own shape, built before timing. */
  contexts(contexts: BenchContext[]): unknown[];
  /** Evaluates one flag; `spec` tells typed SDKs which getter to call. */
  evaluate(spec: FlagSpec, context: unknown): unknown;
  close(): Promise<void> | void;
}
