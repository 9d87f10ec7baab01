/** Where a relay gets bundles: a published folder or an origin URL. */
export interface Upstream {
  /** For messages: the folder or URL. */
  readonly describe: string;
  /** Loads every environment once (resolves when done), then keeps watching or polling. */
  start(offer: Offer): Promise<void>;
  close(): void;
}

/** Hands an environment's bytes to the relay; `origin` says where they came from, for messages. */
export type Offer = (environment: string, bytes: Uint8Array, origin: string) => Promise<void>;

/** Reports a problem reading the upstream (once per streak, not at every attempt). */
export type UpstreamReport = (environment: string | undefined, message: string) => void;
