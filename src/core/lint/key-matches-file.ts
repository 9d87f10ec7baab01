import { keyFromPath } from '../project.js';
import type { LintRule } from './types.js';

export const keyMatchesFile: LintRule = {
  code: 'FF010',
  severity: 'error',
  description: 'A flag or segment key must equal its file\'s basename',
  check(ctx) {
    return [...ctx.flags, ...ctx.segments].flatMap(({ file, key }) => {
      const expected = keyFromPath(file.file);
      if (key === undefined || key === expected) return [];
      return [{ file, path: ['key'], message: `key \`${key}\` does not match the file name \`${expected}\``, hint: `Rename the file to ${key}.yaml or set \`key: ${expected}\`.` }];
    });
  },
};
