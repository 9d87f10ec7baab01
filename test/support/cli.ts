import { execa } from 'execa';
import { BIN } from './tmp.js';

/** Runs the real built `bin/flags.js` (npm test builds first) with colors off. */
export async function runFlags(args: string[], options: { cwd: string; env?: Record<string, string>; input?: string }) {
  const result = await execa('node', [BIN, ...args], {
    cwd: options.cwd,
    env: { NO_COLOR: '1', ...options.env },
    input: options.input,
    reject: false,
  });
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode ?? -1 };
}
