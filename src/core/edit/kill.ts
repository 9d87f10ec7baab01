import { UsageError } from '../errors.js';
import { checkEdit, killVariationOf, readFlagText } from './flag-text.js';
import { deletePair, formatScalar, setPair } from './splice.js';
import type { FlagEdit } from './types.js';

export interface KillOptions {
  /** Flag file path, for messages. */
  file?: string;
}

/**
 * Sets (`killed: true`, with `killReason`) or clears the kill switch of one environment.
 * Idempotent: a killed flag stays as it is and the result says so with `changed: false`.
 */
export function setKilled(text: string, env: string, killed: boolean, reason?: string, options: KillOptions = {}): FlagEdit {
  const file = options.file ?? 'flag file';
  const { flag, envDoc, where } = readFlagText(text, env, file);
  const kill = killVariationOf(flag);
  const after = structuredClone(flag);
  const afterEnv = after.environments![env]!;
  if (Boolean(envDoc.killed) === killed) {
    const state = killed ? `already killed in ${env}${envDoc.killReason ? ` (${envDoc.killReason})` : ''}` : `not killed in ${env}`;
    return { text, before: flag, after, changed: false, description: `${flag.key} is ${state}` };
  }
  if (killed && reason !== undefined && reason.trim() === '') {
    throw new UsageError(`${where} the kill reason is empty`, { hint: 'Say why in --reason, e.g. --reason "PDF exports time out".' });
  }
  let next: string;
  if (killed) {
    afterEnv.killed = true;
    if (reason) afterEnv.killReason = reason;
    next = reason ? setPair(text, readFlagText(text, env, file).envMap, 'killReason', formatScalar(reason)) : text;
    next = setPair(next, readFlagText(next, env, file).envMap, 'killed', 'true');
  } else {
    delete afterEnv.killed;
    delete afterEnv.killReason;
    next = clearKilled(text, env);
  }
  checkEdit(next, after, file);
  const description = killed
    ? `${env}: killed${reason ? ` — ${reason}` : ''}; everyone gets "${kill}"`
    : `${env}: unkilled; rules and default apply again`;
  return { text: next, before: flag, after, changed: true, description };
}

/** Removes `killed` and `killReason` from an environment. */
export function clearKilled(text: string, env: string): string {
  const once = deletePair(text, readFlagText(text, env).envMap, 'killed');
  return deletePair(once, readFlagText(once, env).envMap, 'killReason');
}
