import type { ClientErrorCode } from './errors.js';
import type { SourceHealth } from './sources/source.js';

/** What `client.status()` reports: enough to alert on and to debug a fleet. */
export interface ClientStatus {
  /** A verified bundle is loaded and evaluations use it. */
  ready: boolean;
  environment: string;
  /** Served bundle's version; absent before any bundle. */
  version?: number;
  /** Served bundle's commit. */
  commit?: string;
  issuedAt?: string;
  expiresAt?: string;
  /** Seconds since the served bundle was issued. */
  age?: number;
  /** The served bundle is past `expiresAt`: still serving, but the pipeline is stuck (or frozen on purpose). */
  expired: boolean;
  /** SHA-256 of the served payload, and the key that signed it. */
  digest?: string;
  keyid?: string;
  /** The served bundle came from the cache file (the origin was unreachable at start). */
  fromCache: boolean;
  /** The latest problem: a refused bundle, a failed fetch, an exposure callback error… */
  lastError?: { code: ClientErrorCode; message: string; at: string };
  /** When a fetch last produced the served bundle or confirmed it is current. */
  lastSuccessAt?: string;
  /** When the served bundle was installed. */
  lastChangeAt?: string;
  source: SourceHealth;
}

export interface ChangeEvent {
  /** Flags whose compiled definition (or a segment or prerequisite they use) changed, sorted. */
  keys: string[];
  version: number;
  /** Absent for the first bundle. */
  previousVersion?: number;
}

export const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());
