import { locate } from '../parse.js';
import { daysBetween, referencesOf } from './state.js';
import type { StaleDetector, StaleFinding } from './types.js';

/** Past its declared `expires` date: the owner promised to remove it by then. */
export const expired: StaleDetector = {
  category: 'expired',
  detect(input) {
    const findings: StaleFinding[] = [];
    for (const parsed of input.flags) {
      const flag = parsed.value;
      const expires = flag?.expires === undefined ? undefined : String(flag.expires);
      if (!flag?.key || !expires || Number.isNaN(Date.parse(expires))) continue;
      const days = daysBetween(expires, input.now);
      if (days <= 0) continue;
      findings.push({
        key: flag.key,
        category: 'expired',
        severity: 'warning',
        message: `expired on ${expires}, ${days} days ago`,
        file: parsed.file,
        ...locate(parsed, ['expires']),
        since: expires,
        days,
        references: referencesOf(input, flag.key),
      });
    }
    return findings;
  },
};
