import { expired } from './expired.js';
import { longKilled } from './long-killed.js';
import { rolledOut } from './rolled-out.js';
import { undefinedFlag } from './undefined.js';
import { unreferenced } from './unreferenced.js';
import type { StaleDetector, StaleFinding, StaleInput } from './types.js';

export * from './types.js';

/** Every stale detector, in report order. */
export const STALE_DETECTORS: StaleDetector[] = [rolledOut, longKilled, expired, unreferenced, undefinedFlag];

/** Runs every detector; findings sorted by category order, then key. */
export function detectStale(input: StaleInput, detectors: StaleDetector[] = STALE_DETECTORS): StaleFinding[] {
  return detectors.flatMap((d) => d.detect(input).sort((a, b) => a.key.localeCompare(b.key)));
}
