import type { LintRule } from './types.js';

export const mixedVariationTypes: LintRule = {
  code: 'FF015',
  severity: 'error',
  description: 'The values of a flag\'s variations are not all of one type (boolean, string, number or object)',
  check(ctx) {
    return ctx.flags.flatMap(({ file, variations, declaresVariations }) => {
      if (!declaresVariations) return [];
      const entries = [...variations.entries()];
      const first = entries[0];
      if (!first) return [];
      const expected = valueType(first[1]);
      const odd = entries.find(([, value]) => valueType(value) !== expected);
      if (!odd) return [];
      return [{
        file,
        path: ['variations', odd[0]],
        message: `variation \`${odd[0]}\` is ${withArticle(valueType(odd[1]))} but \`${first[0]}\` is ${withArticle(expected)}`,
        hint: 'All variations of a flag share one type, so code reading it gets what it expects.',
      }];
    });
  },
};

function valueType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'object';
  return typeof value;
}

function withArticle(type: string): string {
  return type === 'null' ? 'null' : type === 'object' ? 'an object' : `a ${type}`;
}
