/** Why the client refused a bundle or could not reach its source; stable codes for alerting. */
export type ClientErrorCode =
  | 'SOURCE_UNREACHABLE'
  | 'SOURCE_TIMEOUT'
  | 'SOURCE_HTTP_STATUS'
  | 'SOURCE_READ'
  | 'MALFORMED'
  | 'SIGNATURE_INVALID'
  | 'UNKNOWN_KEY'
  | 'WRONG_ENVIRONMENT'
  | 'ROLLBACK'
  | 'DIGEST_CONFLICT'
  | 'EXPIRED'
  | 'NOT_READY'
  | 'CACHE'
  | 'EXPOSURE_CALLBACK'
  | 'LISTENER';

/**
 * What the client emits as `error`. The message says what happened, where, and what the client
 * does about it (it always keeps serving the last good bundle).
 */
export class ClientError extends Error {
  override readonly name = 'ClientError';
  readonly code: ClientErrorCode;
  /** When it happened (epoch ms). */
  readonly at: number;

  constructor(code: ClientErrorCode, message: string, options: { cause?: unknown; at?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.at = options.at ?? Date.now();
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
