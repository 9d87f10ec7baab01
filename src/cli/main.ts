import { Command, CommanderError } from 'commander';
import { FlagsError, UsageError } from '../core/errors.js';
import { commands } from './commands/index.js';
import { createOutput, type Output } from './output.js';

export const EXIT = { ok: 0, problems: 1, failure: 2 } as const;

/** Builds the `flags` program; every command registers itself from `commands/`. */
export function buildProgram(out: Output): Command {
  const program = new Command('flags')
    .description('Feature flags as code: lint, compile, sign, ramp, kill, check and clean up flags kept in git.')
    .option('--debug', 'print stack traces of errors')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.stdout(s), writeErr: (s) => out.stderr(s) });
  for (const register of commands) register(program, out);
  return program;
}

/** Runs the CLI and resolves to its exit code: 0 fine, 1 problems found, 2 usage or could-not-run. */
export async function main(argv: string[], out: Output = createOutput()): Promise<number> {
  const program = buildProgram(out);
  try {
    await program.parseAsync(argv);
    return out.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.failure;
    }
    reportError(error, out, argv.includes('--debug'));
    return EXIT.failure;
  }
}

function reportError(error: unknown, out: Output, debug: boolean): void {
  const c = out.color;
  if (error instanceof FlagsError) {
    const label = error instanceof UsageError ? 'usage error' : 'error';
    out.stderr(`${c.red(label)}: ${error.message}\n`);
    if (error.hint) out.stderr(`${c.dim('hint')}: ${error.hint}\n`);
    if (debug) out.stderr(`${error.stack ?? ''}\n${error.cause ? `cause: ${String((error.cause as Error).stack ?? error.cause)}\n` : ''}`);
    else {
      const cause = causeText(error);
      if (cause) out.stderr(c.dim(`cause: ${cause}\n`));
    }
    return;
  }
  out.stderr(`${c.red('internal error')}: ${(error as Error)?.message ?? String(error)}\n`);
  out.stderr(debug ? `${(error as Error)?.stack ?? ''}\n` : `${c.dim('hint')}: rerun with --debug for the stack trace, and report it.\n`);
}

/** The cause's first words, unless the message already says them (wrapped errors often do). */
function causeText(error: FlagsError): string | undefined {
  if (error.cause === undefined) return undefined;
  const text = String((error.cause as Error)?.message ?? error.cause).trim();
  return text === '' || error.message.includes(text) ? undefined : text;
}
