import type { Command } from 'commander';
import type { Output } from '../output.js';
import { registerCompile } from './compile.js';
import { registerEval } from './eval.js';
import { registerKeygen } from './keygen.js';
import { registerInit } from './init.js';
import { registerLint } from './lint.js';
import { registerList } from './list.js';
import { registerNew } from './new.js';
import { registerVerify } from './verify.js';
import { registerStale } from './stale.js';
import { registerRamp } from './ramp.js';
import { registerKill, registerUnkill } from './kill.js';
import { registerPublish } from './publish.js';
import { registerLog } from './log.js';
import { registerCodegen } from './codegen.js';
import { registerTest } from './test.js';
import { registerCheck } from './check.js';
import { registerCleanup } from './cleanup.js';
import { registerServe } from './serve.js';

/** A command file exports one of these; it adds itself to the program. */
export type RegisterCommand = (program: Command, out: Output) => void;

/** Every command, in the order `flags --help` lists them. Add one line per command file. */
export const commands: RegisterCommand[] = [
  registerInit,
  registerNew,
  registerLint,
  registerList,
  registerEval,
  registerCompile,
  registerKeygen,
  registerVerify,
  registerStale,
  registerCleanup,
  registerRamp,
  registerKill,
  registerUnkill,
  registerPublish,
  registerLog,
  registerCodegen,
  registerTest,
  registerCheck,
  registerServe,
];
