import type { CacheEntry } from './cache.js';
import { ClientError, describeError, type ClientErrorCode } from './errors.js';
import type { ResolvedOptions } from './options.js';
import type { Delivery, SourceHealth } from './sources/source.js';
import { changedFlags } from './changes.js';
import { loadBundle, type LoadedBundle } from './state.js';
import { iso, type ChangeEvent, type ClientStatus } from './status.js';
import { admitBundle, type Admission, type VersionFloor } from './trust.js';

export interface StoreHooks {
  report(error: ClientError): void;
  changed(change: ChangeEvent): void;
  ready(): void;
  /** `bundle` stopped serving (a newer one replaced it): collect what it counted. */
  retired(bundle: LoadedBundle): void;
}

/** Longest delay setTimeout accepts; an expiry further away re-arms. */
const MAX_TIMER = 2 ** 31 - 1;

/**
 * The client's bundle bookkeeping: admits deliveries one at a time, swaps the served bundle in
 * whole, keeps the version floor and the cache file, and watches expiry.
 */
export class BundleStore {
  /** The bundle evaluations use; replaced by one assignment. */
  current: LoadedBundle | undefined;
  #floor: VersionFloor | undefined;
  #cached: CacheEntry | undefined;
  #cacheTried = false;
  #queue: Promise<unknown> = Promise.resolve();
  #writes: Promise<void> = Promise.resolve();
  #expiryTimer?: ReturnType<typeof setTimeout>;
  #expiredReported?: string;
  #lastError?: ClientError;
  readonly #errors = new Map<ClientErrorCode, number>();
  #lastSuccessAt?: number;
  #lastChangeAt?: number;
  #loaded!: () => void;
  readonly #whenLoaded = new Promise<void>((resolve) => (this.#loaded = resolve));

  constructor(private readonly options: ResolvedOptions, private readonly hooks: StoreHooks) {}

  /** Reads the cache file: its version becomes the floor, its envelope the fallback. */
  async open(): Promise<void> {
    const file = this.options.cacheFile;
    if (file === undefined) return;
    try {
      const { readCache } = await import('./cache.js');
      this.#cached = await readCache(file, this.options.environment);
      if (this.#cached) this.#floor = { version: this.#cached.version, digest: this.#cached.digest };
    } catch (error) {
      this.hooks.report(error instanceof ClientError ? error : new ClientError('CACHE', `could not read cache file ${file}: ${describeError(error)}`, { cause: error }));
    }
  }

  whenLoaded(): Promise<void> {
    return this.#whenLoaded;
  }

  deliver(body: string | Uint8Array, origin: string): Promise<Delivery> {
    return this.#serially(() => this.#process(body, origin));
  }

  /** Falls back to the cached envelope (verified again) when nothing is loaded; once per start. */
  useCache(why: string): Promise<void> {
    return this.#serially(async () => {
      const entry = this.#cached;
      if (this.current !== undefined || this.#cacheTried || entry === undefined) return;
      this.#cacheTried = true;
      const admission = await this.#admit(entry.envelope, `cache file ${this.options.cacheFile}`, undefined);
      if (admission.kind === 'reject') {
        this.hooks.report(new ClientError('CACHE', `could not use the cached bundle (${why}): ${admission.error.message}`));
      } else {
        this.#install(admission, entry.envelope, true);
      }
    });
  }

  async #process(body: string | Uint8Array, origin: string): Promise<Delivery> {
    const admission = await this.#admit(body, origin, this.#floor);
    const now = this.options.now();
    if (admission.kind === 'reject') {
      this.hooks.report(admission.error);
      // Queued behind this delivery, not awaited inside it.
      if (this.current === undefined) void this.useCache('the source sent a bundle that was refused');
      return 'rejected';
    }
    this.#lastSuccessAt = now;
    if (admission.kind === 'same') {
      if (this.current === undefined) this.#install(admission, body, false);
      else if (this.current.fromCache) this.current = { ...this.current, fromCache: false };
      return 'unchanged';
    }
    this.#install(admission, body, false);
    return 'accepted';
  }

  async #admit(body: string | Uint8Array, origin: string, floor: VersionFloor | undefined): Promise<Admission> {
    const rollbackHint = this.options.cacheFile ? `If the origin was reset on purpose, delete ${this.options.cacheFile}.` : undefined;
    return admitBundle(body, { keys: this.options.keys, environment: this.options.environment, floor, origin, rollbackHint });
  }

  #install(admission: Exclude<Admission, { kind: 'reject' }>, body: string | Uint8Array, fromCache: boolean): void {
    const { payload, digest, keyid } = admission;
    const now = this.options.now();
    let next: LoadedBundle;
    try {
      next = loadBundle(payload, digest, keyid, fromCache, now);
    } catch (error) {
      this.hooks.report(new ClientError('MALFORMED', `refused bundle version ${payload.version}: it verified but could not be prepared for evaluation (${describeError(error)})`, { cause: error }));
      return;
    }
    const previous = this.current;
    this.current = next;
    // Before a bundle is served, the cached envelope is the fallback; after, only the floor matters.
    this.#cached = undefined;
    if (previous !== undefined) this.hooks.retired(previous);
    this.#floor = { version: payload.version, digest };
    this.#lastChangeAt = now;
    if (previous === undefined) {
      this.#loaded();
      this.hooks.ready();
    }
    const before = previous && { keys: previous.evaluator.keys(), prints: previous.fingerprints };
    this.hooks.changed({ keys: changedFlags(before, next.fingerprints, payload), version: payload.version, previousVersion: previous?.info.version });
    this.#watchExpiry(next);
    if (!fromCache) this.#persist(typeof body === 'string' ? body : new TextDecoder().decode(body), payload.version, digest, now);
  }

  #persist(envelope: string, version: number, digest: string, now: number): void {
    const file = this.options.cacheFile;
    if (file === undefined) return;
    const entry: CacheEntry = { envelope, version, digest, savedAt: new Date(now).toISOString() };
    // Chained so an older bundle's write can never land after a newer one's.
    this.#writes = this.#writes.then(async () => {
      try {
        const { writeCache } = await import('./cache.js');
        await writeCache(file, this.options.environment, entry);
      } catch (error) {
        this.hooks.report(new ClientError('CACHE', `could not write cache file ${file}: ${describeError(error)}; a restart while the origin is down would start without flags`, { cause: error }));
      }
    });
  }

  #watchExpiry(bundle: LoadedBundle): void {
    clearTimeout(this.#expiryTimer);
    const remaining = bundle.expiresAtMs - this.options.now();
    if (remaining <= 0) return this.#reportExpired(bundle);
    this.#expiryTimer = setTimeout(() => this.current === bundle && this.#watchExpiry(bundle), Math.min(remaining, MAX_TIMER));
    (this.#expiryTimer as { unref?: () => void }).unref?.();
  }

  #reportExpired(bundle: LoadedBundle): void {
    if (this.#expiredReported === bundle.digest) return;
    this.#expiredReported = bundle.digest;
    const { version, expiresAt, source } = bundle.info;
    this.hooks.report(new ClientError('EXPIRED', `bundle version ${version} (commit ${source}) expired at ${expiresAt}; still serving it, but no newer bundle has arrived: check the publish pipeline and the origin`));
  }

  #serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => {});
    return run;
  }

  noteError(error: ClientError): void {
    this.#lastError = error;
    this.#errors.set(error.code, (this.#errors.get(error.code) ?? 0) + 1);
  }

  errorCounts(): Record<string, number> {
    return Object.fromEntries(this.#errors);
  }

  /** What callers get right now, appended to every error message. */
  consequence(): string {
    const b = this.current;
    if (b === undefined) return 'no bundle loaded: every call returns the caller\'s default';
    return `still serving version ${b.info.version}${b.fromCache ? ' from the cache file' : ''}`;
  }

  status(source: SourceHealth): ClientStatus {
    const b = this.current;
    const now = this.options.now();
    const issued = b ? Date.parse(b.info.issuedAt) : NaN;
    return {
      ready: b !== undefined,
      environment: this.options.environment,
      version: b?.info.version,
      commit: b?.info.source,
      issuedAt: b?.info.issuedAt,
      expiresAt: b?.info.expiresAt,
      age: Number.isFinite(issued) ? Math.max(0, (now - issued) / 1000) : undefined,
      expired: b !== undefined && b.expiresAtMs <= now,
      digest: b?.digest,
      keyid: b?.keyid,
      fromCache: b?.fromCache ?? false,
      lastError: this.#lastError && { code: this.#lastError.code, message: this.#lastError.message, at: iso(this.#lastError.at)! },
      lastSuccessAt: iso(this.#lastSuccessAt),
      lastChangeAt: iso(this.#lastChangeAt),
      source,
    };
  }

  async close(): Promise<void> {
    clearTimeout(this.#expiryTimer);
    await this.#queue;
    await this.#writes;
  }
}
