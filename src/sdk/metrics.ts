/** Evaluation counters per flag × variation, and their Prometheus text exposition. */
import type { Evaluator } from './evaluate/index.js';

/** Label used when the caller's default was returned (no variation served). */
export const DEFAULT_LABEL = '(default)';

export interface MetricsSnapshot {
  /** flag → variation (or `(default)`) → count since the client started. */
  evaluations: Record<string, Record<string, number>>;
  /** error code → count since the client started. */
  errors: Record<string, number>;
  environment: string;
  ready: boolean;
  /** Version served; 0 before any bundle. */
  bundleVersion: number;
  /** Seconds since the served bundle was issued; absent before any bundle. */
  bundleAgeSeconds?: number;
  expired: boolean;
  consecutiveFailures: number;
}

type Counts = Map<string, Map<string, number>>;

/**
 * Evaluation counts per flag × variation. The serving bundle's evaluator counts its own calls
 * (an increment in a typed array, see evaluate/counts.ts); this keeps the rest — calls before any
 * bundle, and the counts of bundles that were replaced — and merges both when read.
 */
export class EvaluationCounters {
  readonly #totals: Counts = new Map();

  add(flag: string, variation: string | undefined, n = 1): void {
    let byVariation = this.#totals.get(flag);
    if (byVariation === undefined) {
      if (this.#totals.size >= MAX_TRACKED_FLAGS) return;
      this.#totals.set(flag, (byVariation = new Map()));
    }
    const label = variation ?? DEFAULT_LABEL;
    byVariation.set(label, (byVariation.get(label) ?? 0) + n);
  }

  /** Keeps what a replaced bundle's evaluator counted. */
  retire(evaluator: Evaluator): void {
    evaluator.readCounts((flag, variation, n) => this.add(flag, variation, n));
  }

  /** The totals plus what `live` (the serving evaluator) has counted so far. */
  snapshot(live: Evaluator | undefined): Record<string, Record<string, number>> {
    const merged: Counts = new Map([...this.#totals].map(([flag, byVariation]) => [flag, new Map(byVariation)]));
    live?.readCounts((flag, variation, n) => {
      let byVariation = merged.get(flag);
      if (byVariation === undefined) merged.set(flag, (byVariation = new Map()));
      const label = variation ?? DEFAULT_LABEL;
      byVariation.set(label, (byVariation.get(label) ?? 0) + n);
    });
    const out: Record<string, Record<string, number>> = {};
    for (const [flag, byVariation] of merged) out[flag] = Object.fromEntries(byVariation);
    return out;
  }
}

/** Callers may ask for keys that are not flags; cap the label space so metrics stay bounded. */
const MAX_TRACKED_FLAGS = 10_000;

/** Prometheus text exposition format 0.0.4. */
export function toPrometheusText(m: MetricsSnapshot): string {
  const env = `environment="${escapeLabel(m.environment)}"`;
  const lines: string[] = [
    '# HELP flagops_evaluations_total Flag evaluations by flag and served variation ((default) = the caller\'s default).',
    '# TYPE flagops_evaluations_total counter',
  ];
  for (const [flag, byVariation] of Object.entries(m.evaluations)) {
    for (const [variation, n] of Object.entries(byVariation)) {
      lines.push(`flagops_evaluations_total{flag="${escapeLabel(flag)}",variation="${escapeLabel(variation)}"} ${n}`);
    }
  }
  lines.push('# HELP flagops_errors_total Bundle rejections and source failures by code.', '# TYPE flagops_errors_total counter');
  for (const [code, n] of Object.entries(m.errors)) lines.push(`flagops_errors_total{code="${escapeLabel(code)}"} ${n}`);
  gauge(lines, 'flagops_ready', 'Whether a verified bundle is loaded (1) or not (0).', env, m.ready ? 1 : 0);
  gauge(lines, 'flagops_bundle_version', 'Version of the bundle being served (0 before any).', env, m.bundleVersion);
  if (m.bundleAgeSeconds !== undefined) {
    gauge(lines, 'flagops_bundle_age_seconds', 'Seconds since the served bundle was issued.', env, m.bundleAgeSeconds);
  }
  gauge(lines, 'flagops_bundle_expired', 'Whether the served bundle is past its expiresAt (1) or not (0).', env, m.expired ? 1 : 0);
  gauge(lines, 'flagops_source_consecutive_failures', 'Failed fetches of the bundle source since the last success.', env, m.consecutiveFailures);
  return `${lines.join('\n')}\n`;
}

function gauge(lines: string[], name: string, help: string, labels: string, value: number): void {
  lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name}{${labels}} ${value}`);
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
