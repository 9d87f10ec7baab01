import { Chalk, type ChalkInstance } from 'chalk';

/** Where a command writes, and whether it may color. Tests pass a recording one. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  color: ChalkInstance;
  isTTY: boolean;
  /** Set by a command that found problems (1); `main` returns it. */
  exitCode: number;
}

export function createOutput(stream: NodeJS.WriteStream = process.stdout): Output {
  const isTTY = Boolean(stream.isTTY);
  const noColor = 'NO_COLOR' in process.env && process.env.NO_COLOR !== '';
  const forced = process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0';
  const level = noColor ? 0 : forced || isTTY ? 1 : 0;
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color: new Chalk({ level }),
    isTTY,
    exitCode: 0,
  };
}

/** An Output that keeps what was written; for tests and programmatic use. */
export function createMemoryOutput(): Output & { out: string; err: string } {
  const memory = {
    out: '',
    err: '',
    stdout(text: string) { memory.out += text; },
    stderr(text: string) { memory.err += text; },
    color: new Chalk({ level: 0 }),
    isTTY: false,
    exitCode: 0,
  };
  return memory;
}

export const FORMATS = ['text', 'json', 'github', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];
