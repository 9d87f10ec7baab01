import type { ClientError } from '../errors.js';

/** What the client did with a delivered envelope. */
export type Delivery = 'accepted' | 'unchanged' | 'rejected';

/** The client side of a source: where fetched envelopes and failures go. */
export interface SourceSink {
  /** Hands over an envelope exactly as fetched; resolves once the client verified (or refused) it. */
  deliver(body: string | Uint8Array): Promise<Delivery>;
  /** Reports a failed attempt; the client keeps serving what it has. */
  fail(error: ClientError): void;
  /** Whether the client already serves a bundle (a source retries sooner on a cold start). */
  hasBundle(): boolean;
}

export interface SourceHealth {
  kind: string;
  /** URL or path, for people. */
  location: string;
  /** The last attempt succeeded (or none failed yet). */
  healthy: boolean;
  consecutiveFailures: number;
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  lastError?: string;
  /** How a source with several transports gets bundles right now (the stream source: `stream`, `poll` or `connecting`). */
  mode?: string;
}

/**
 * Where bundles come from: memory, a file, an HTTP origin, a stream. A source fetches bytes and
 * hands them to the sink; it never parses or trusts them. Implement this to plug in a transport.
 */
export interface Source {
  readonly kind: string;
  readonly location: string;
  start(sink: SourceSink): void;
  /** Fetches now, resolving when the attempt has been delivered or has failed. */
  refresh(): Promise<void>;
  close(): void;
  health(): SourceHealth;
}

/** Shared bookkeeping of attempts for `health()`. */
export class HealthTracker {
  #failures = 0;
  #lastAttemptAt?: number;
  #lastSuccessAt?: number;
  #lastError?: string;

  constructor(private readonly kind: string, private readonly location: string) {}

  get failures(): number {
    return this.#failures;
  }

  success(now = Date.now()): void {
    this.#failures = 0;
    this.#lastAttemptAt = this.#lastSuccessAt = now;
    this.#lastError = undefined;
  }

  failure(error: ClientError): void {
    this.#failures += 1;
    this.#lastAttemptAt = error.at;
    this.#lastError = error.message;
  }

  snapshot(): SourceHealth {
    return {
      kind: this.kind,
      location: this.location,
      healthy: this.#failures === 0,
      consecutiveFailures: this.#failures,
      lastAttemptAt: this.#lastAttemptAt,
      lastSuccessAt: this.#lastSuccessAt,
      lastError: this.#lastError,
    };
  }
}
