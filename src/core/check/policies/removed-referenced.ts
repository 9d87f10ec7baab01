import type { Policy } from '../types.js';

/** Code that still reads a removed key gets the caller's default forever, silently. */
export const removedReferenced: Policy = {
  id: 'removed-flag-referenced',
  code: 'FP003',
  description: 'a flag removed (or renamed) while code still reads it',
  check({ input, pairs }) {
    return pairs.flatMap(({ key, before, after, renamedFrom }) => {
      const gone = !after ? key : renamedFrom;
      if (!gone || !before) return [];
      const refs = (input.references ?? []).filter((r) => r.key === gone);
      if (refs.length === 0) return [];
      const listed = refs.slice(0, 3).map((r) => `${r.file}:${r.line}`).join(', ') + (refs.length > 3 ? ` and ${refs.length - 3} more` : '');
      return [{
        file: after ?? before,
        path: after ? ['key'] : [],
        message: `"${gone}" is ${after ? `renamed to "${key}"` : 'removed'} but code still reads it (${listed}); those reads will get their default value`,
        hint: `Remove the reads first (\`flags cleanup ${gone} --keep <variation>\`), then the flag${after ? ', or keep the old key' : ''}.`,
      }];
    });
  },
};
