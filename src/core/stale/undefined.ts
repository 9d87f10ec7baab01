import type { StaleDetector, StaleFinding } from './types.js';

/** Code reads a key no flag file defines: it always gets the caller's default. */
export const undefinedFlag: StaleDetector = {
  category: 'undefined',
  detect(input) {
    const defined = new Set(input.flags.map((f) => f.value?.key).filter(Boolean));
    const byKey = new Map<string, StaleFinding>();
    for (const ref of input.references) {
      if (defined.has(ref.key)) continue;
      const finding = byKey.get(ref.key);
      if (finding) {
        finding.references.push(ref);
        continue;
      }
      byKey.set(ref.key, {
        key: ref.key,
        category: 'undefined',
        severity: 'error',
        message: 'is read in code but no flag file defines it; it always serves the caller\'s default',
        file: ref.file,
        line: ref.line,
        col: ref.col,
        references: [ref],
      });
    }
    return [...byKey.values()];
  },
};
