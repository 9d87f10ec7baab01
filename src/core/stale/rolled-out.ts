import { locate } from '../parse.js';
import { heldTooLong, referencesOf, rolledOutVariation } from './state.js';
import type { StaleDetector, StaleFinding } from './types.js';

/** One variation served to everyone in every environment, for longer than the policy allows. */
export const rolledOut: StaleDetector = {
  category: 'rolled-out',
  detect(input) {
    const findings: StaleFinding[] = [];
    const envs = input.config.environments;
    for (const parsed of input.flags) {
      const flag = parsed.value;
      if (!flag?.key) continue;
      const variation = rolledOutVariation(flag, envs);
      if (variation === undefined) continue;
      const aged = heldTooLong(input, parsed.file, flag, (f) => rolledOutVariation(f, envs) === variation);
      if (!aged) continue;
      const { since, days } = aged;
      findings.push({
        key: flag.key,
        category: 'rolled-out',
        severity: 'warning',
        message: `serves \`${variation}\` to everyone in every environment for ${days} days`,
        file: parsed.file,
        ...locate(parsed, ['environments']),
        since,
        days,
        references: referencesOf(input, flag.key),
        fix: `flags cleanup ${flag.key} --keep ${variation}`,
      });
    }
    return findings;
  },
};
