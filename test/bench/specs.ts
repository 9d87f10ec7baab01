/**
 * The benchmark's flags, described once in a neutral form and translated into each SDK's native
 * format by the adapters in `peers/`. The five shapes are the five example flags of `flags/`.
 */

export type FlagSpec =
  /** new-pdf-engine: an allow-list rule, then a percentage of accounts. */
  | { key: string; shape: 'rollout'; allow: string[]; percent: number }
  /** redesigned-dashboard: 50/50 string experiment by userId. */
  | { key: string; shape: 'experiment'; values: [string, string] }
  /** ai-chatbot: plan equals and country in. */
  | { key: string; shape: 'targeted'; plan: string; countries: string[] }
  /** bulk-invoice-api: account allow-list. */
  | { key: string; shape: 'allow'; allow: string[] }
  /** maintenance-mode: a global switch that is off. */
  | { key: string; shape: 'switch' };

export interface BenchContext {
  userId: string;
  accountId: string;
  plan: string;
  country: string;
  email: string;
}

export const EXAMPLE_FLAGS: FlagSpec[] = [
  { key: 'new-pdf-engine', shape: 'rollout', allow: ['acct_internal_1'], percent: 5 },
  { key: 'redesigned-dashboard', shape: 'experiment', values: ['current', 'redesigned'] },
  { key: 'ai-chatbot', shape: 'targeted', plan: 'free', countries: ['US', 'UK'] },
  { key: 'bulk-invoice-api', shape: 'allow', allow: ['acct_1001', 'acct_1002', 'acct_1003'] },
  { key: 'maintenance-mode', shape: 'switch' },
];

const PLANS = ['free', 'pro', 'team', 'enterprise'];
const COUNTRIES = ['US', 'UK', 'DE', 'FR', 'JP', 'BR', 'IN', 'CA'];

/** Deterministic pseudo-random numbers, so every run and every SDK sees the same data. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

export function generateContexts(count: number, seed = 1): BenchContext[] {
  const rng = random(seed);
  const contexts: BenchContext[] = [];
  for (let i = 0; i < count; i++) {
    const account = rng() < 0.01 ? pick(rng, ['acct_1001', 'acct_1002', 'acct_1003', 'acct_internal_1']) : `acct_${Math.floor(rng() * 20_000)}`;
    contexts.push({ userId: `user_${Math.floor(rng() * 1e9)}`, accountId: account, plan: pick(rng, PLANS), country: pick(rng, COUNTRIES), email: `u${i}@example.com` });
  }
  return contexts;
}

/** `count` flags cycling through the five shapes with varied parameters. */
export function generateFlags(count: number, seed = 2): FlagSpec[] {
  const rng = random(seed);
  const accounts = () => [0, 1, 2].map(() => `acct_${Math.floor(rng() * 20_000)}`);
  const flags: FlagSpec[] = [];
  for (let i = 0; i < count; i++) {
    const key = `flag-${i}`;
    const shape = i % 5;
    if (shape === 0) flags.push({ key, shape: 'rollout', allow: accounts().slice(0, 1), percent: Math.floor(rng() * 100) });
    else if (shape === 1) flags.push({ key, shape: 'experiment', values: [`control-${i}`, `treatment-${i}`] });
    else if (shape === 2) flags.push({ key, shape: 'targeted', plan: pick(rng, PLANS), countries: [pick(rng, COUNTRIES), pick(rng, COUNTRIES)] });
    else if (shape === 3) flags.push({ key, shape: 'allow', allow: accounts() });
    else flags.push({ key, shape: 'switch' });
  }
  return flags;
}
