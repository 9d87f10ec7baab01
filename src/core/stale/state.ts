import type { FlagDoc, ServeDoc } from '../types.js';
import type { FlagRevision, StaleInput } from './types.js';

const DEFAULT_VARIATIONS = { on: true, off: false };

export function variationsOf(flag: FlagDoc): Record<string, unknown> {
  return flag.variations ?? DEFAULT_VARIATIONS;
}

export function killVariationOf(flag: FlagDoc): string {
  return flag.killVariation ?? ('off' in variationsOf(flag) ? 'off' : Object.keys(variationsOf(flag))[0] ?? 'off');
}

/** The one variation a serve gives everybody, or undefined for a real split. */
function singleServe(serve: ServeDoc, kill: string): string | undefined {
  if (typeof serve === 'string') return serve;
  const shares = Object.entries(serve.rollout ?? {}).filter(([, pct]) => pct > 0);
  const total = shares.reduce((sum, [, pct]) => sum + pct, 0);
  if (total < 100) shares.push([kill, 100 - total]);
  const names = new Set(shares.map(([name]) => name));
  return names.size === 1 ? [...names][0] : undefined;
}

/** The variation everybody gets in one environment, or undefined when users differ. */
export function servedToEveryone(flag: FlagDoc, environment: string): string | undefined {
  const kill = killVariationOf(flag);
  const env = flag.environments?.[environment];
  if (!env || env.killed) return kill;
  const served = [env.default, ...(env.rules ?? []).map((r) => r.serve)].map((s) => singleServe(s, kill));
  if ((env.prerequisites ?? []).length > 0) served.push(kill);
  const first = served[0];
  return first !== undefined && served.every((s) => s === first) ? first : undefined;
}

/** The variation served to everyone in every environment, not by a kill; undefined otherwise. */
export function rolledOutVariation(flag: FlagDoc, environments: string[]): string | undefined {
  if (environments.some((e) => flag.environments?.[e]?.killed)) return undefined;
  const served = environments.map((e) => servedToEveryone(flag, e));
  const first = served[0];
  return first !== undefined && served.every((s) => s === first) ? first : undefined;
}

export function killedEnvironments(flag: FlagDoc, environments: string[]): string[] {
  return environments.filter((e) => flag.environments?.[e]?.killed === true);
}

/**
 * Since when `holds` has been true without a break, dated from git: the oldest revision of the
 * newest unbroken run. Undefined when the file was never committed; `now` when only the working
 * copy has it.
 */
export function holdsSince(revisions: FlagRevision[] | undefined, holds: (flag: FlagDoc) => boolean, now: Date): string | undefined {
  if (!revisions || revisions.length === 0) return undefined;
  let since: string | undefined;
  for (const revision of revisions) {
    if (!revision.flag || !holds(revision.flag)) break;
    since = revision.date;
  }
  return since ?? now.toISOString();
}

export function daysBetween(since: string, now: Date): number {
  return Math.floor((now.getTime() - new Date(since).getTime()) / 86_400_000);
}

/** The age threshold for a kind; permission and ops flags are meant to live forever. */
/**
 * Since when (from git history) the flag has been in a state `holds` describes, and for how many
 * days, when that is longer than the policy allows for its kind; undefined otherwise.
 */
export function heldTooLong(input: StaleInput, file: string, flag: FlagDoc, holds: (flag: FlagDoc) => boolean): { since: string; days: number } | undefined {
  const since = holdsSince(input.history.get(file), holds, input.now);
  if (!since) return undefined;
  const days = daysBetween(since, input.now);
  return days < staleAfter(input, flag) ? undefined : { since, days };
}

export function staleAfter(input: StaleInput, flag: FlagDoc): number {
  if (flag.kind === 'permission' || flag.kind === 'ops') return Infinity;
  return input.config.policy.staleAfterDays[flag.kind] ?? Infinity;
}

export function referencesOf(input: StaleInput, key: string) {
  return input.references.filter((r) => r.key === key);
}
