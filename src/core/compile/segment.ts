import type { CompiledSegment } from '../../sdk/bundle/types.js';
import type { ParsedFile } from '../parse.js';
import type { SegmentDoc } from '../types.js';
import { failIn } from './fail.js';
import { compileWhen } from './when.js';

/** A segment file → attribute, include/exclude lists and normalized conditions. */
export function compileSegment(parsed: ParsedFile<SegmentDoc>, bucketBy: string): CompiledSegment {
  const fail = failIn(parsed);
  const doc = parsed.value as SegmentDoc;
  const attr = doc.attribute ?? bucketBy;
  if (typeof attr !== 'string' || attr === '') return fail(['attribute'], '`attribute` must name a context attribute');
  const segment: CompiledSegment = { attr };
  for (const list of ['include', 'exclude'] as const) {
    const values = doc[list];
    if (values === undefined) continue;
    if (!Array.isArray(values)) return fail([list], `\`${list}\` must be a list of values`);
    segment[list] = values.map(String);
  }
  if (doc.when !== undefined) segment.when = compileWhen(doc.when, ['when'], fail);
  return segment;
}
