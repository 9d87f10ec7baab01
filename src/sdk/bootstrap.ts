import type { Json } from './bundle/types.js';

const UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * Flag values as JSON that is safe inside an HTML `<script>` element: `<`, `>`, `&`, U+2028 and
 * U+2029 are written as `\uXXXX` escapes, so a value holding `</script>` or `<!--` cannot end
 * the element or open a comment, and older JavaScript parsers see no raw line separators.
 * The result is still valid JSON and a valid JavaScript expression.
 *
 * @example
 * const values = req.flags.all();
 * res.send(`<script>window.__FLAGS__ = ${serializeBootstrap(values)}</script>`);
 * // or: <script type="application/json" id="flags">${serializeBootstrap(values)}</script>
 */
export function serializeBootstrap(values: Readonly<Record<string, Json | undefined>>): string {
  return (JSON.stringify(values) ?? '{}').replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
