import type { CodeFile } from './prefilter.js';
import { lineStarts, positionAt, type ScanResult } from './scan.js';
import type { StaticResolver } from './static-keys.js';
import { importedNames, tokenReads } from './token-reads.js';
import { tokenize } from './tokens.js';

/**
 * The fast path for a `.ts` file: its reads from tokens alone, no tree, when every read's key is
 * a literal or an imported constant that syntax resolves. Undefined otherwise (JSX, a read of a
 * shape tokens cannot place, a local or shadowed name): the caller parses the file, so results
 * are the same either way.
 */
export function scanTokens(file: CodeFile, calls: Set<string>, keys: StaticResolver): ScanResult | undefined {
  if (!/\.[mc]?ts$/.test(file.path)) return undefined;
  const tokens = tokenize(file.text);
  const reads = tokens && tokenReads(tokens, calls);
  if (!tokens || !reads) return undefined;
  const bound = importedNames(tokens, reads);
  const starts = lineStarts(file.text);
  const result: ScanResult = { references: [], dynamic: [] };
  for (const read of reads) {
    const binding = read.kind === 'name' ? bound.get(read.chain[0]!) : undefined;
    const resolution = read.kind === 'literal' ? { keys: [read.key], via: read.via }
      : binding && keys.imported(file.path, binding, read.chain.slice(1));
    if (!resolution || !('keys' in resolution)) return undefined;
    const where = positionAt(file.text, starts, tokens.starts[read.at]!);
    for (const key of resolution.keys) result.references.push({ key, file: file.path, ...where, via: resolution.via });
  }
  return result;
}
