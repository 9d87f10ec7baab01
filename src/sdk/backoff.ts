/** When to poll next: the interval with ±10% jitter, doubling after each failure up to a cap. */
export interface BackoffOptions {
  /** Normal poll interval, ms. */
  interval: number;
  /** Longest wait after repeated failures, ms. */
  max: number;
  /** First retry after a failure when no bundle is loaded yet, ms (cold start wants it soon). */
  coldRetry?: number;
}

const JITTER = 0.1;

/**
 * Delay before the next attempt. Jitter spreads a fleet of clients so they do not hit the
 * origin in lockstep; backoff keeps a struggling origin from being hammered.
 */
export function nextDelay(options: BackoffOptions, failures: number, hasBundle: boolean, random: () => number = Math.random): number {
  let base = options.interval;
  if (failures > 0) {
    const cold = options.coldRetry ?? Math.min(options.interval, 1000);
    base = Math.min(options.max, hasBundle ? options.interval * 2 ** failures : cold * 2 ** (failures - 1));
  }
  const jitter = 1 - JITTER + 2 * JITTER * random();
  return Math.max(0, Math.round(base * jitter));
}
