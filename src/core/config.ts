import type { ConfigDoc, FlagKind, PolicyDoc } from './types.js';

/** The config with every default filled in: what the rest of the code reads. */
export interface Config {
  environments: string[];
  signing: { keys: { id: string; publicKey: string }[]; privateKeyPath?: string };
  bundle: { dir: string; ttl: string };
  defaults: { bucketBy: string };
  code: {
    include: string[];
    exclude: string[];
    calls: string[];
    jsx: { component: string; attribute: string }[];
  };
  policy: Required<Omit<PolicyDoc, 'staleAfterDays'>> & { staleAfterDays: Record<FlagKind, number> };
  github: { apiUrl?: string; labels: string[] };
  publish: { to?: string };
}

export const DEFAULT_CALLS = [
  'isEnabled', 'variation', 'evaluate', 'useFeatureFlag', 'useVariation',
  'getBooleanValue', 'getStringValue', 'getNumberValue', 'getObjectValue',
  'getBooleanDetails', 'getStringDetails', 'getNumberDetails', 'getObjectDetails',
];

export function resolveConfig(doc: Partial<ConfigDoc> | undefined): Config {
  const d = doc ?? {};
  return {
    // A string here would be indexed letter by letter; lint reports it, the rest sees the default.
    environments: Array.isArray(d.environments) ? d.environments.filter((e) => typeof e === 'string') : ['production'],
    signing: { keys: d.signing?.keys ?? [], privateKeyPath: d.signing?.privateKeyPath },
    bundle: { dir: d.bundle?.dir ?? 'dist/flags', ttl: d.bundle?.ttl ?? '30d' },
    defaults: { bucketBy: d.defaults?.bucketBy ?? 'userId' },
    code: {
      include: d.code?.include ?? ['src/**/*.{ts,tsx,js,jsx,mts,cts}'],
      exclude: d.code?.exclude ?? ['**/node_modules/**', '**/dist/**'],
      calls: [...new Set([...DEFAULT_CALLS, ...(d.code?.calls ?? [])])],
      jsx: d.code?.jsx ?? [{ component: 'Feature', attribute: 'flag' }],
    },
    policy: {
      maxRampStep: d.policy?.maxRampStep ?? 50,
      staleAfterDays: { release: 30, experiment: 30, permission: Infinity, ops: Infinity, ...d.policy?.staleAfterDays },
      requireExpires: d.policy?.requireExpires ?? ['release', 'experiment'],
      maxExpiresDays: d.policy?.maxExpiresDays ?? 180,
      rules: d.policy?.rules ?? {},
      approvalLabel: d.policy?.approvalLabel ?? 'flags-owner-approved',
    },
    github: { apiUrl: d.github?.apiUrl, labels: d.github?.labels ?? ['flags'] },
    publish: { to: d.publish?.to },
  };
}

const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** `30d` → seconds; undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)\s*([smhdw])$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * TTL_UNITS[match[2]!]!;
}
