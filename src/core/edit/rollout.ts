import { isMap, type Node, type YAMLMap } from 'yaml';
import { UsageError } from '../errors.js';
import type { FlagDoc, RolloutDoc, ServeDoc } from '../types.js';
import { checkEdit, killVariationOf, readFlagText, variationNames, type FlagText } from './flag-text.js';
import { clearKilled } from './kill.js';
import { childMap, findPair, formatScalar, replaceNode, setPair } from './splice.js';
import type { FlagEdit } from './types.js';
import { describeRamp, formatPercent } from './words.js';

export interface RampOptions {
  /** Flag file path, for messages. */
  file?: string;
  /** `policy.maxRampStep`: the largest change in percentage points without `force`. */
  maxStep?: number;
  force?: boolean;
  /** Ramp a killed flag and unkill it in the same change. */
  unkill?: boolean;
  /** `defaults.bucketBy`, for the description when the rollout names none. */
  defaultBucketBy?: string;
}

export interface RampEdit extends FlagEdit {
  variation: string;
  from: number;
  to: number;
  bucketBy: string;
}

/**
 * Sets the percentage of `variation` in the default rollout of `env`, turning a plain default
 * into a rollout when needed. Only the edited value's bytes change.
 */
export function setRollout(text: string, env: string, variation: string | undefined, pct: number, options: RampOptions = {}): RampEdit {
  const file = options.file ?? 'flag file';
  checkPercent(pct);
  const parsed = readFlagText(text, env, file);
  const { flag, envDoc } = parsed;
  if (envDoc.killed && !options.unkill) {
    throw new UsageError(`${parsed.whereKey('killed')} ${flag.key} is killed in ${env}`, {
      hint: `Unkill it first (flags unkill ${flag.key} --env ${env}), or pass --unkill to ramp and unkill in one change.`,
    });
  }
  const where = parsed.whereKey('default');
  const name = pickVariation(flag, envDoc.default, variation, where);
  const from = percentOf(envDoc.default, name);
  checkStep(from, pct, options, where);
  const nextServe = rampServe(envDoc.default, name, pct, killVariationOf(flag), where);
  const after = structuredClone(flag);
  const afterEnv = after.environments![env]!;
  afterEnv.default = nextServe;
  const unkilling = Boolean(options.unkill && envDoc.killed);
  if (unkilling) {
    delete afterEnv.killed;
    delete afterEnv.killReason;
  }
  const bucketBy = (typeof nextServe === 'object' ? nextServe.bucketBy : undefined) ?? options.defaultBucketBy ?? 'userId';
  const base = { variation: name, from, to: pct, bucketBy, before: flag, after };
  if (from === pct && !unkilling) {
    return { ...base, text, changed: false, description: `${flag.key} already serves "${name}" to ${formatPercent(pct)} in ${env}` };
  }
  let next = from === pct ? text : writeServe(text, parsed, env, name, pct, nextServe);
  if (unkilling) next = clearKilled(next, env);
  checkEdit(next, after, file);
  const words = describeRamp({ env, variation: name, from, to: pct, bucketBy });
  return { ...base, text: next, changed: true, description: unkilling ? `${words}; unkilled` : words };
}

function checkPercent(pct: number): void {
  if (!Number.isFinite(pct) || pct < 0 || pct > 100) {
    throw new UsageError(`percentage must be between 0 and 100, got ${pct}`, { hint: 'Pass a number like 25 or 12.5.' });
  }
  if (Number(pct.toFixed(3)) !== pct) {
    throw new UsageError(`percentage ${pct} has more than 3 decimals`, { hint: 'Bucketing resolves 0.001%; round to 3 decimals.' });
  }
}

function checkStep(from: number, to: number, options: RampOptions, where: string): void {
  const step = Math.abs(to - from);
  if (options.force || options.maxStep === undefined || step <= options.maxStep) return;
  throw new UsageError(`${where} a step of ${formatPercent(step)} (from ${formatPercent(from)} to ${formatPercent(to)}) exceeds policy.maxRampStep (${options.maxStep})`, {
    hint: `Ramp in steps of at most ${options.maxStep} points, or pass --force.`,
  });
}

function pickVariation(flag: FlagDoc, serve: ServeDoc, wanted: string | undefined, where: string): string {
  const names = variationNames(flag);
  if (wanted !== undefined) {
    if (names.includes(wanted)) return wanted;
    throw new UsageError(`${where} ${flag.key} has no variation "${wanted}"`, { hint: `Pick one of: ${names.join(', ')}.` });
  }
  const kill = killVariationOf(flag);
  const inRollout = typeof serve === 'object' ? Object.keys(serve.rollout ?? {}).filter((n) => n !== kill) : [];
  if (inRollout.length === 1) return inRollout[0]!;
  return names.find((n) => n !== kill) ?? names[0]!;
}

function percentOf(serve: ServeDoc, name: string): number {
  if (typeof serve === 'string') return serve === name ? 100 : 0;
  return serve?.rollout?.[name] ?? 0;
}

function rampServe(serve: ServeDoc, name: string, pct: number, kill: string, where: string): RolloutDoc {
  if (typeof serve === 'string') {
    const rest = serve === name || serve === kill ? {} : { [serve]: Number((100 - pct).toFixed(3)) };
    return { rollout: { [name]: pct, ...rest } };
  }
  const rollout = { ...serve.rollout, [name]: pct };
  const sum = Object.values(rollout).reduce((a, b) => a + b, 0);
  if (sum > 100.0000001) {
    throw new UsageError(`${where} the rollout would sum to ${formatPercent(sum)}`, {
      hint: 'Lower the other variations first, or edit the rollout by hand.',
    });
  }
  return { ...serve, rollout };
}

function writeServe(text: string, parsed: FlagText, env: string, name: string, pct: number, serve: RolloutDoc): string {
  const defaultNode = findPair(parsed.envMap, 'default')?.value as Node | undefined;
  if (!isMap(defaultNode)) return setPair(text, parsed.envMap, 'default', flowRollout(serve));
  const rollout = childMap(defaultNode, 'rollout');
  if (!rollout) return replaceNode(text, defaultNode, flowRollout(serve));
  return setPair(text, rollout as YAMLMap, name, String(pct));
}

function flowRollout(serve: RolloutDoc): string {
  const parts = Object.entries(serve.rollout).map(([n, p]) => `${formatScalar(n)}: ${p}`);
  return `{ rollout: { ${parts.join(', ')} }${serve.bucketBy ? `, bucketBy: ${formatScalar(serve.bucketBy)}` : ''} }`;
}
