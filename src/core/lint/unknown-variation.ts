import { didYouMean } from '../suggest.js';
import type { FlagModel } from './model.js';
import type { LintContext, LintFinding, LintRule } from './types.js';

export const unknownVariation: LintRule = {
  code: 'FF014',
  severity: 'error',
  description: 'A serve, rollout, killVariation or prerequisite names a variation the flag does not declare',
  check(ctx) {
    return ctx.flags.flatMap((flag) => [...ownVariations(flag), ...prerequisiteVariations(ctx, flag)]);
  },
};

function ownVariations(flag: FlagModel): LintFinding[] {
  const { file, doc } = flag;
  const findings: LintFinding[] = [];
  const check = (name: string, path: LintFinding['path'], key = false) => {
    if (!flag.variations.has(name)) findings.push({ file, path, key, message: `unknown variation \`${name}\``, hint: hintFor(name, flag) });
  };
  if (typeof doc.killVariation === 'string') check(doc.killVariation, ['killVariation']);
  for (const serve of flag.serves) {
    if (serve.variation !== undefined) check(serve.variation, serve.path);
    for (const name of Object.keys(serve.rollout ?? {})) check(name, [...serve.path, 'rollout', name], true);
  }
  return findings;
}

function prerequisiteVariations(ctx: LintContext, flag: FlagModel): LintFinding[] {
  return flag.prerequisites.flatMap(({ flag: key, variation, path }) => {
    const target = key === undefined ? undefined : ctx.flagsByKey.get(key);
    if (!target || variation === undefined || target.variations.has(variation)) return [];
    return [{ file: flag.file, path: [...path, 'variation'], message: `flag \`${key}\` has no variation \`${variation}\``, hint: hintFor(variation, target) }];
  });
}

function hintFor(name: string, flag: FlagModel): string {
  const names = [...flag.variations.keys()];
  const declared = flag.declaresVariations ? `declared: ${names.join(', ')}` : 'without `variations` a flag has `on` and `off`';
  const guess = didYouMean(name, names);
  return guess ? `${guess} (${declared})` : `Use a declared variation (${declared}).`;
}
