import type { BundlePayload } from '../../sdk/bundle/types.js';
import { compileBundle, type BundleMeta } from '../compile/index.js';
import { FlagsError } from '../errors.js';
import type { ParsedProject } from '../project.js';
import type { Diagnostic } from '../types.js';

/** Fixed metadata: in-memory bundles are only evaluated, never published, so times do not matter. */
const META: BundleMeta = { version: 0, issuedAt: '1970-01-01T00:00:00Z', source: 'check', ttlSeconds: 0 };

/**
 * Unsigned payloads of every environment of a lint-clean project, for evaluation in memory. A
 * project that still cannot compile answers a located diagnostic instead of throwing.
 */
export function compileAll(project: ParsedProject, environments = project.config.environments): { bundles: Record<string, BundlePayload>; diagnostics: Diagnostic[] } {
  const bundles: Record<string, BundlePayload> = {};
  try {
    for (const env of environments) bundles[env] = compileBundle(project, env, META);
    return { bundles, diagnostics: [] };
  } catch (error) {
    if (!(error instanceof FlagsError)) throw error;
    return { bundles: {}, diagnostics: [compileDiagnostic(error, project.dir)] };
  }
}

/** Compile errors read `flags/x.yaml:12:5 message`; keep the place as the diagnostic's. */
function compileDiagnostic(error: FlagsError, dir: string): Diagnostic {
  const match = /^(\S+\.ya?ml):(\d+):(\d+) (.*)$/s.exec(error.message);
  const base = { code: 'FC001', severity: 'error' as const, hint: error.hint ?? 'Run `flags lint` and fix what it reports.' };
  if (!match) return { ...base, message: error.message, file: `${dir}/flagops.yaml`, line: 0, col: 0 };
  return { ...base, message: match[4]!, file: match[1]!, line: Number(match[2]), col: Number(match[3]) };
}
