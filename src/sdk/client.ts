import type { Json } from './bundle/types.js';
import { Emitter } from './emitter.js';
import { ClientError, describeError } from './errors.js';
import type { Context, Resolution } from './evaluate/types.js';
import { ExposureTracker } from './exposure.js';
import { EvaluationCounters, toPrometheusText, type MetricsSnapshot } from './metrics.js';
import { createSource, resolveOptions, type ClientOptions, type ResolvedOptions } from './options.js';
import type { Delivery, Source, SourceSink } from './sources/source.js';
import type { ChangeEvent, ClientStatus } from './status.js';
import { BundleStore } from './store.js';

/** Flag key → value type. `flags codegen` writes one (`FlagValues`) for your flags. */
export type FlagShape = object;
type Untyped<F> = string extends keyof F ? true : false;
export type FlagKeyOf<F> = keyof F & string;
/** Keys of boolean flags (any key when the client is untyped). */
export type BooleanKeyOf<F> = Untyped<F> extends true ? string : { [K in FlagKeyOf<F>]: F[K] extends boolean ? K : never }[FlagKeyOf<F>];
type Widen<T> = T extends string ? string : T extends number ? number : T extends boolean ? boolean : T;
/** What `variation` returns: the flag's declared type when typed, the default's type otherwise. */
export type ValueFor<F, K extends keyof F, T> = Untyped<F> extends true ? Widen<T> : F[K];

export interface ClientEvents {
  ready: ClientStatus;
  change: ChangeEvent;
  error: ClientError;
}

const NOT_READY = 'PROVIDER_NOT_READY' as const;

/**
 * A flags client: holds the newest verified bundle for one environment and evaluates from
 * memory, synchronously. Create it with {@link createClient}.
 */
export class FlagsClient<F extends FlagShape = Record<string, Json>> {
  readonly #options: ResolvedOptions;
  readonly #emitter: Emitter<ClientEvents>;
  readonly #store: BundleStore;
  readonly #counters = new EvaluationCounters();
  readonly #exposures?: ExposureTracker;
  readonly #ready: Promise<boolean>;
  #source?: Source;
  #closed = false;

  constructor(options: ClientOptions) {
    this.#options = resolveOptions(options);
    this.#emitter = new Emitter<ClientEvents>((error, event) => this.#report(new ClientError('LISTENER', `a "${String(event)}" listener threw: ${describeError(error)}`, { cause: error })));
    this.#store = new BundleStore(this.#options, {
      report: (error) => this.#report(error),
      changed: (change) => this.#emitter.emit('change', change),
      ready: () => this.#emitter.emit('ready', this.status()),
      retired: (bundle) => this.#counters.retire(bundle.evaluator),
    });
    if (this.#options.onExposure) {
      this.#exposures = new ExposureTracker(this.#options.onExposure, this.#options.exposureCacheSize, (error) =>
        this.#report(new ClientError('EXPOSURE_CALLBACK', `onExposure threw: ${describeError(error)}; the exposure is dropped, evaluation is unaffected`, { cause: error })),
      );
    }
    this.#ready = this.#start(options);
  }

  /**
   * Resolves `true` once a verified bundle is loaded (from the source, or from the cache file
   * when the source fails at start), or `false` when `timeout` passes without one. Never
   * rejects and never hangs; until a bundle arrives every call returns the caller's default
   * with reason ERROR / PROVIDER_NOT_READY. A bundle arriving later still loads (`ready` event).
   */
  ready(): Promise<boolean> {
    return this.#ready;
  }

  /** `true` when the flag serves `true` for the context; `defaultValue` (false) when it cannot say. */
  isEnabled(key: BooleanKeyOf<F>, context: Context, defaultValue = false): boolean {
    return this.evaluate(key as FlagKeyOf<F>, context, defaultValue as never).value === true;
  }

  /** The flag's value for the context, or `defaultValue` when the flag is unknown, of another type, or no bundle is loaded. */
  variation<K extends FlagKeyOf<F>, T extends F[K]>(key: K, context: Context, defaultValue: T): ValueFor<F, K, T> {
    return this.evaluate(key, context, defaultValue).value;
  }

  /** The full resolution: value, variation, reason, ruleIndex, errorCode (OpenFeature vocabulary). Never throws. */
  evaluate<K extends FlagKeyOf<F>, T extends F[K]>(key: K, context: Context, defaultValue?: T): Resolution<ValueFor<F, K, T>> {
    const bundle = this.#store.current;
    if (bundle === undefined) {
      this.#counters.add(key, undefined);
      return { value: defaultValue as ValueFor<F, K, T>, reason: 'ERROR', errorCode: NOT_READY };
    }
    // The evaluator counts the call (flag × variation), an increment in a typed array.
    const result = bundle.evaluator.evaluate(key, context, defaultValue);
    if (this.#exposures !== undefined && result.variation !== undefined) this.#expose(key, context, result);
    return result as Resolution<ValueFor<F, K, T>>;
  }

  /** Every flag's value for the context — no rules, no reasons: what a browser may be sent. Not counted, no exposures. */
  allFlags(context: Context): Partial<F> {
    const bundle = this.#store.current;
    return (bundle === undefined ? {} : bundle.evaluator.allValues(context)) as Partial<F>;
  }

  /** Keys of the flags in the served bundle. */
  keys(): string[] {
    return this.#store.current?.evaluator.keys() ?? [];
  }

  status(): ClientStatus {
    return this.#store.status(this.#source?.health() ?? { kind: 'pending', location: '', healthy: true, consecutiveFailures: 0 });
  }

  /** Subscribes to `ready`, `change` (keys whose definition changed) or `error`; returns the unsubscribe function. */
  on<E extends keyof ClientEvents>(event: E, listener: (payload: ClientEvents[E]) => void): () => void {
    return this.#emitter.on(event, listener);
  }

  off<E extends keyof ClientEvents>(event: E, listener: (payload: ClientEvents[E]) => void): void {
    this.#emitter.off(event, listener);
  }

  /** Fetches from the source now (ops endpoints, tests); resolves once the result is processed. */
  async refresh(): Promise<void> {
    await this.#ready.catch(() => {});
    await this.#source?.refresh();
  }

  /** Evaluation counters per flag × variation, and the bundle gauges. */
  metrics(): MetricsSnapshot {
    const status = this.status();
    return {
      evaluations: this.#counters.snapshot(this.#store.current?.evaluator),
      errors: this.#store.errorCounts(),
      environment: status.environment,
      ready: status.ready,
      bundleVersion: status.version ?? 0,
      bundleAgeSeconds: status.age,
      expired: status.expired,
      consecutiveFailures: status.source.consecutiveFailures,
    };
  }

  /** {@link metrics} in Prometheus text exposition format, for a `/metrics` endpoint. */
  metricsText(): string {
    return toPrometheusText(this.metrics());
  }

  /** Stops polling and watching; evaluation keeps answering from the last bundle. Waits for a pending cache write. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#source?.close();
    await this.#store.close();
  }

  #expose(key: string, context: Context, result: Resolution): void {
    const bundle = this.#store.current!;
    try {
      const contextKey = bundle.contextKey(key, context);
      if (!this.#exposures!.isNew(key, result.variation!, contextKey)) return;
      this.#exposures!.deliver({
        flag: key,
        variation: result.variation!,
        value: result.value as Json,
        reason: result.reason,
        contextKey,
        version: bundle.info.version,
      });
    } catch {
      // A hostile context (throwing getter) costs the exposure, never the evaluation.
    }
  }

  async #start(options: ClientOptions): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.#options.timeout);
      (timer as { unref?: () => void }).unref?.();
    });
    const loaded = this.#store.whenLoaded();
    try {
      await this.#store.open();
      const source = await createSource(options);
      if (this.#closed) return false;
      this.#source = source;
      source.start(this.#sink());
      await Promise.race([loaded, deadline]);
      if (this.#store.current === undefined) await this.#store.useCache('no bundle within the timeout');
    } catch (error) {
      this.#report(new ClientError('SOURCE_READ', `could not start the bundle source: ${describeError(error)}`, { cause: error }));
      await this.#store.useCache('the source could not start');
    } finally {
      clearTimeout(timer);
    }
    return this.#store.current !== undefined;
  }

  #sink(): SourceSink {
    const origin = this.#source?.location ?? 'the source';
    return {
      deliver: (body): Promise<Delivery> => this.#store.deliver(body, origin),
      fail: (error) => {
        this.#report(error);
        void this.#store.useCache('the source failed');
      },
      hasBundle: () => this.#store.current !== undefined,
    };
  }

  #report(error: ClientError): void {
    const message = `${error.message} (${this.#store.consequence()})`;
    const full = new ClientError(error.code, message, { cause: error.cause, at: error.at });
    this.#store.noteError(full);
    if (this.#emitter.listenerCount('error') > 0) this.#emitter.emit('error', full);
    else this.#options.logger.warn(`flagops: ${message}`);
  }
}

/**
 * Creates a flags client and starts loading its bundle.
 *
 * @example
 * import { createClient } from 'flagops/sdk';
 * const flags = createClient({
 *   source: 'https://cdn.example.com/flags/production.json',
 *   environment: 'production',
 *   keys: [{ id: 'example-2026', publicKey: 'LLxDtglQvF5mSjL0negbVFb/M+kO0sqpdicfR0KrQ0g=' }],
 *   cacheFile: '/var/cache/myapp/flags.json',
 * });
 * await flags.ready();
 * if (flags.isEnabled('new-pdf-engine', { accountId: 'acct_1001' })) renderWithNewEngine();
 */
export function createClient<F extends FlagShape = Record<string, Json>>(options: ClientOptions): FlagsClient<F> {
  return new FlagsClient<F>(options);
}
