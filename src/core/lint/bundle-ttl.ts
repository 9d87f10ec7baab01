import { parseDuration } from '../config.js';
import { isObject } from '../project.js';
import type { LintRule } from './types.js';

export const bundleTtl: LintRule = {
  code: 'FF032',
  severity: 'error',
  description: 'bundle.ttl in flagops.yaml is zero',
  check(ctx) {
    const file = ctx.project.configFile;
    const bundle = isObject(file?.value) ? file.value.bundle : undefined;
    const ttl = isObject(bundle) ? bundle.ttl : undefined;
    if (!file || typeof ttl !== 'string') return [];
    const seconds = parseDuration(ttl);
    // Text that is no duration at all is the schema's to report.
    if (seconds === undefined || seconds > 0) return [];
    return [{ file, path: ['bundle', 'ttl'], message: `bundle ttl \`${ttl}\` is zero: every bundle would be stale at once`, hint: 'Use a positive duration, e.g. 30d; bundles older than this report themselves stale.' }];
  },
};
