/**
 * The few error classes the toolchain throws. Each says what went wrong and what to do; the CLI
 * prints `message` and `hint`, and the stack only with `--debug`.
 */
export class FlagsError extends Error {
  readonly hint?: string;
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}

/** Bad flags or arguments on the command line. */
export class UsageError extends FlagsError {}
/** A missing or invalid config, key or flags folder. */
export class ConfigError extends FlagsError {}
/** A git operation that failed (push refused, not a repository, …). */
export class GitError extends FlagsError {}
/** A GitHub API call that failed; `status` is the HTTP status when there was one. */
export class ForgeError extends FlagsError {
  readonly status?: number;
  constructor(message: string, options: { hint?: string; cause?: unknown; status?: number } = {}) {
    super(message, options);
    this.status = options.status;
  }
}
/** A bug: something that should not happen. */
export class InternalError extends FlagsError {}
