import type { Command } from 'commander';
import type { Output } from '../output.js';

/** A command file exports one of these; it adds itself to the program. */
export type RegisterCommand = (program: Command, out: Output) => void;

/** Every command, in the order `flags --help` lists them. Add one line per command file. */
export const commands: RegisterCommand[] = [];
