import type { LintFinding, LintRule } from './types.js';

export const duplicateKey: LintRule = {
  code: 'FF011',
  severity: 'error',
  description: 'Two flags (or two segments) declare the same key, e.g. in different folders',
  check(ctx) {
    const findings: LintFinding[] = [];
    for (const [what, list] of [['flag', ctx.flags], ['segment', ctx.segments]] as const) {
      const first = new Map<string, string>();
      for (const { file, key } of list) {
        if (key === undefined) continue;
        const earlier = first.get(key);
        if (earlier === undefined) first.set(key, file.file);
        else findings.push({ file, path: ['key'], message: `${what} key \`${key}\` is already declared in ${earlier}`, hint: `Keys are unique across folders; rename one of the ${what}s or delete the copy.` });
      }
    }
    return findings;
  },
};
