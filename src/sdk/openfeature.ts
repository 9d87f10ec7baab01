/**
 * `flagops/openfeature`: an OpenFeature server provider over a flagops client.
 *
 * Mapping: reasons keep their OpenFeature names, except KILLED → DISABLED and
 * PREREQUISITE_FAILED → DEFAULT (both serve the flag's kill variation; `flagMetadata.flagopsReason`
 * keeps the original). Error codes map one to one; any error code makes OpenFeature return the
 * caller's default (so a rollout missing its bucketBy attribute answers the default, with
 * TARGETING_KEY_MISSING). An absent bucketBy attribute is filled from `targetingKey`.
 *
 * @example
 * import { OpenFeature } from '@openfeature/server-sdk';
 * import { FlagopsProvider } from 'flagops/openfeature';
 * await OpenFeature.setProviderAndWait(new FlagopsProvider({ source: url, environment: 'production', keys }));
 * const enabled = await OpenFeature.getClient().getBooleanValue('new-pdf-engine', false, { targetingKey: 'u1', accountId: 'acct_1001' });
 */
import {
  ErrorCode,
  GeneralError,
  OpenFeatureEventEmitter,
  ProviderEvents,
  StandardResolutionReasons,
  type EvaluationContext,
  type FlagMetadata,
  type JsonValue,
  type Provider,
  type ResolutionDetails,
} from '@openfeature/server-sdk';
import { createClient, FlagsClient } from './client.js';
import type { Context, Reason, Resolution } from './evaluate/types.js';
import type { ClientOptions } from './options.js';

export interface FlagopsProviderOptions {
  /** The attribute `targetingKey` stands for when the context lacks it: your `defaults.bucketBy`. Default `userId`. */
  bucketBy?: string;
}

const REASONS: Record<Reason, string> = {
  STATIC: StandardResolutionReasons.STATIC,
  DEFAULT: StandardResolutionReasons.DEFAULT,
  TARGETING_MATCH: StandardResolutionReasons.TARGETING_MATCH,
  SPLIT: StandardResolutionReasons.SPLIT,
  KILLED: StandardResolutionReasons.DISABLED,
  PREREQUISITE_FAILED: StandardResolutionReasons.DEFAULT,
  ERROR: StandardResolutionReasons.ERROR,
};

/**
 * Resolves OpenFeature evaluations from a flagops client. Pass a client you own (the provider
 * never closes it) or client options (the provider creates the client and closes it on shutdown).
 */
export class FlagopsProvider implements Provider {
  readonly metadata = { name: 'flagops' } as const;
  readonly runsOn = 'server' as const;
  readonly events = new OpenFeatureEventEmitter();
  readonly client: FlagsClient;
  readonly #owned: boolean;
  readonly #bucketBy: string;
  readonly #unsubscribe: (() => void)[];
  #initialized = false;
  #stale = false;

  constructor(client: FlagsClient | ClientOptions, options: FlagopsProviderOptions = {}) {
    this.#owned = !(client instanceof FlagsClient);
    this.client = client instanceof FlagsClient ? client : createClient(client);
    this.#bucketBy = options.bucketBy ?? 'userId';
    this.#unsubscribe = [
      this.client.on('change', ({ keys }) => this.#changed(keys)),
      this.client.on('ready', () => this.#initialized && this.events.emit(ProviderEvents.Ready, { message: 'flags bundle loaded' })),
      this.client.on('error', (error) => this.#error(error.code, error.message)),
    ];
  }

  /** Waits for the first verified bundle; fails (status ERROR) when none arrives within the client's timeout. */
  async initialize(): Promise<void> {
    const ready = await this.client.ready();
    this.#initialized = true;
    if (ready && this.#stale) {
      // The SDK marks the provider READY once initialize resolves; STALE has to come after that.
      setTimeout(() => this.#stale && this.events.emit(ProviderEvents.Stale, { message: 'the flags bundle is past its expiresAt' }), 0);
    }
    if (!ready) {
      const last = this.client.status().lastError?.message ?? 'no bundle arrived within the timeout';
      throw new GeneralError(`flagops: no verified flags bundle yet (${last}); evaluations return defaults until one loads`);
    }
  }

  async onClose(): Promise<void> {
    for (const off of this.#unsubscribe) off();
    if (this.#owned) await this.client.close();
  }

  resolveBooleanEvaluation(flagKey: string, defaultValue: boolean, context: EvaluationContext): Promise<ResolutionDetails<boolean>> {
    return Promise.resolve(this.#resolve(flagKey, defaultValue, context));
  }

  resolveStringEvaluation(flagKey: string, defaultValue: string, context: EvaluationContext): Promise<ResolutionDetails<string>> {
    return Promise.resolve(this.#resolve(flagKey, defaultValue, context));
  }

  resolveNumberEvaluation(flagKey: string, defaultValue: number, context: EvaluationContext): Promise<ResolutionDetails<number>> {
    return Promise.resolve(this.#resolve(flagKey, defaultValue, context));
  }

  resolveObjectEvaluation<T extends JsonValue>(flagKey: string, defaultValue: T, context: EvaluationContext): Promise<ResolutionDetails<T>> {
    return Promise.resolve(this.#resolve(flagKey, defaultValue, context));
  }

  #resolve<T>(flagKey: string, defaultValue: T, context: EvaluationContext): ResolutionDetails<T> {
    const result = this.client.evaluate(flagKey, this.#context(context), defaultValue as never) as Resolution<T>;
    const version = this.client.status().version;
    return toDetails(flagKey, result, version);
  }

  #context(context: EvaluationContext): Context {
    const { targetingKey } = context;
    if (targetingKey === undefined || context[this.#bucketBy] !== undefined) return context;
    return { ...context, [this.#bucketBy]: targetingKey };
  }

  #changed(keys: string[]): void {
    if (this.#stale && !this.client.status().expired) {
      this.#stale = false;
      this.events.emit(ProviderEvents.Ready, { message: 'a fresh flags bundle replaced the expired one' });
    }
    this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: keys });
  }

  /**
   * Refused bundles and failed polls leave the last good bundle serving, so they do not put the
   * provider in ERROR; only having no bundle at all does. An expired bundle makes it STALE.
   */
  #error(code: string, message: string): void {
    if (code === 'EXPIRED') {
      this.#stale = true;
      if (this.#initialized) this.events.emit(ProviderEvents.Stale, { message });
    } else if (this.#initialized && !this.client.status().ready) {
      this.events.emit(ProviderEvents.Error, { message, errorCode: ErrorCode.PROVIDER_NOT_READY });
    }
  }
}

function toDetails<T>(flagKey: string, result: Resolution<T>, version: number | undefined): ResolutionDetails<T> {
  const flagMetadata: FlagMetadata = { flagopsReason: result.reason };
  if (version !== undefined) flagMetadata.bundleVersion = version;
  if (result.ruleIndex !== undefined) flagMetadata.ruleIndex = result.ruleIndex;
  if (result.reason === 'KILLED') flagMetadata.killed = true;
  const details: ResolutionDetails<T> = { value: result.value, reason: REASONS[result.reason] ?? result.reason, flagMetadata };
  if (result.variation !== undefined) details.variant = result.variation;
  if (result.errorCode !== undefined) {
    details.errorCode = result.errorCode as ErrorCode;
    details.errorMessage = errorMessage(flagKey, result.errorCode, version);
  }
  return details;
}

function errorMessage(flagKey: string, code: string, version: number | undefined): string {
  switch (code) {
    case 'FLAG_NOT_FOUND': return `flag "${flagKey}" is not in the flags bundle (version ${version}); check the key or run \`flags codegen\``;
    case 'TYPE_MISMATCH': return `flag "${flagKey}" has another value type than the default passed`;
    case 'TARGETING_KEY_MISSING': return `flag "${flagKey}" rolls out by an attribute the context lacks; pass it (or targetingKey)`;
    case 'PROVIDER_NOT_READY': return 'no verified flags bundle is loaded yet';
    default: return `flag "${flagKey}" could not be evaluated (${code})`;
  }
}
