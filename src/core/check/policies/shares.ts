import type { EnvironmentDoc, FlagDoc, ServeDoc } from '../../types.js';

/** Percent per variation a serve gives (a rollout's remainder goes to the kill variation). */
export function sharesOf(serve: ServeDoc | undefined, flag: FlagDoc): Map<string, number> {
  const kill = killVariationOf(flag);
  if (serve === undefined) return new Map([[kill, 100]]);
  if (typeof serve === 'string') return new Map([[serve, 100]]);
  const shares = new Map<string, number>(Object.entries(serve.rollout ?? {}).filter(([, p]) => typeof p === 'number'));
  const rest = 100 - [...shares.values()].reduce((a, b) => a + b, 0);
  if (rest > 0) shares.set(kill, (shares.get(kill) ?? 0) + rest);
  return shares;
}

/** The declared kill variation, else `off` when it exists, else the first variation. */
export function killVariationOf(flag: FlagDoc): string {
  const names = Object.keys(flag.variations ?? { on: true, off: false });
  if (flag.killVariation) return flag.killVariation;
  return names.includes('off') ? 'off' : names[0] ?? 'off';
}

/** The largest percentage-point move of any variation between two serves. */
export function largestStep(before: ServeDoc | undefined, after: ServeDoc | undefined, flagBefore: FlagDoc, flagAfter: FlagDoc): { variation: string; from: number; to: number } | undefined {
  const b = sharesOf(before, flagBefore), a = sharesOf(after, flagAfter);
  let best: { variation: string; from: number; to: number } | undefined;
  for (const name of new Set([...b.keys(), ...a.keys()])) {
    const from = b.get(name) ?? 0, to = a.get(name) ?? 0;
    if (!best || Math.abs(to - from) > Math.abs(best.to - best.from)) best = { variation: name, from, to };
  }
  return best && best.from !== best.to ? best : undefined;
}

/** Environments present on both sides. */
export function sharedEnvironments(before: FlagDoc, after: FlagDoc): [string, EnvironmentDoc, EnvironmentDoc][] {
  return Object.entries(after.environments ?? {}).flatMap(([env, a]) => {
    const b = before.environments?.[env];
    return b && a && typeof a === 'object' && typeof b === 'object' ? [[env, b, a] as [string, EnvironmentDoc, EnvironmentDoc]] : [];
  });
}
