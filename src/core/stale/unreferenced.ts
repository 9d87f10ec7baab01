import { locate } from '../parse.js';
import type { StaleDetector } from './types.js';

/** Defined, but no code reads it: delete the YAML (or the code reads it dynamically: check). */
export const unreferenced: StaleDetector = {
  category: 'unreferenced',
  detect(input) {
    const used = new Set(input.references.map((r) => r.key));
    return input.flags.flatMap((parsed) => {
      const key = parsed.value?.key;
      if (!key || used.has(key)) return [];
      return [{
        key,
        category: 'unreferenced' as const,
        severity: 'warning' as const,
        message: 'is defined but no code reads it',
        file: parsed.file,
        ...locate(parsed, ['key']),
        references: [],
        fix: `flags cleanup ${key} --keep ${parsed.value?.killVariation ?? 'off'}`,
      }];
    });
  },
};
