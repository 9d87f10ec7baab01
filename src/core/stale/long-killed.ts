import { locate } from '../parse.js';
import { heldTooLong, killVariationOf, killedEnvironments, referencesOf } from './state.js';
import type { StaleDetector, StaleFinding } from './types.js';

/** Killed in an environment for longer than the policy allows: fix it or remove it. */
export const longKilled: StaleDetector = {
  category: 'long-killed',
  detect(input) {
    const findings: StaleFinding[] = [];
    const envs = input.config.environments;
    for (const parsed of input.flags) {
      const flag = parsed.value;
      if (!flag?.key) continue;
      const killed = killedEnvironments(flag, envs);
      const [first] = killed;
      if (first === undefined) continue;
      const aged = heldTooLong(input, parsed.file, flag, (f) => killed.every((e) => f.environments?.[e]?.killed === true));
      if (!aged) continue;
      const { since, days } = aged;
      const everywhere = killed.length === envs.length;
      findings.push({
        key: flag.key,
        category: 'long-killed',
        severity: 'warning',
        message: `killed in ${killed.join(', ')} for ${days} days`,
        file: parsed.file,
        ...locate(parsed, ['environments', first, 'killed']),
        since,
        days,
        references: referencesOf(input, flag.key),
        fix: everywhere ? `flags cleanup ${flag.key} --keep ${killVariationOf(flag)}` : undefined,
      });
    }
    return findings;
  },
};
