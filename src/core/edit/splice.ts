import { isMap, isPair, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';

/**
 * Text-level edits located through the yaml AST. Re-stringifying a whole Document would reflow
 * quotes, blank lines and comments; splicing only the bytes of the edited node keeps every
 * other byte of the file as the author wrote it.
 */

export function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key) as Pair | undefined;
}

export function childMap(map: YAMLMap, key: string): YAMLMap | undefined {
  const value = findPair(map, key)?.value;
  return isMap(value) ? value : undefined;
}

/** Replaces the node's own text (not its trailing comment). */
export function replaceNode(text: string, node: Node, replacement: string): string {
  const [start, end] = node.range ?? fail('node without a source range');
  return text.slice(0, start) + replacement + text.slice(end);
}

/** Sets `key: value` in a map: replaces an existing value, else inserts the pair as the first entry. */
export function setPair(text: string, map: YAMLMap, key: string, valueText: string): string {
  const pair = findPair(map, key);
  if (pair?.value) return replaceNode(text, pair.value as Node, valueText);
  return insertFirstPair(text, map, `${formatKey(key)}: ${valueText}`);
}

/** Inserts `key: value` right after the pair `afterKey` (a scalar-valued entry), else as the first entry. */
export function insertPairAfter(text: string, map: YAMLMap, afterKey: string | undefined, key: string, valueText: string): string {
  const entry = `${formatKey(key)}: ${valueText}`;
  const pair = afterKey === undefined ? undefined : findPair(map, afterKey);
  if (!pair) return insertFirstPair(text, map, entry);
  const end = (pair.value as Node | null)?.range?.[1] ?? fail('value without a source range');
  if (map.flow) return text.slice(0, end) + `, ${entry}` + text.slice(end);
  const keyStart = (pair.key as Node).range?.[0] ?? fail('key without a source range');
  const indent = keyStart - text.lastIndexOf('\n', keyStart - 1) - 1;
  const newline = text.indexOf('\n', end);
  const at = newline === -1 ? text.length : newline + 1;
  const lead = newline === -1 ? '\n' : '';
  return text.slice(0, at) + `${lead}${' '.repeat(indent)}${entry}\n` + text.slice(at);
}

function insertFirstPair(text: string, map: YAMLMap, entry: string): string {
  const first = map.items[0];
  if (!first) {
    if (!map.flow) fail('cannot insert into an empty block map');
    const [start, end] = map.range ?? fail('map without a source range');
    return text.slice(0, start) + `{ ${entry} }` + text.slice(end);
  }
  const at = (first.key as Node).range?.[0] ?? fail('key without a source range');
  if (map.flow) return text.slice(0, at) + `${entry}, ` + text.slice(at);
  const indent = at - text.lastIndexOf('\n', at - 1) - 1;
  return text.slice(0, at) + `${entry}\n${' '.repeat(indent)}` + text.slice(at);
}

/** Removes `key: …` from a map: the whole line(s) in a block map, the entry and one comma in a flow map. */
export function deletePair(text: string, map: YAMLMap, key: string): string {
  const pair = findPair(map, key);
  if (!pair) return text;
  const start = (pair.key as Node).range?.[0] ?? fail('key without a source range');
  const valueEnd = (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node).range![1];
  if (map.flow) return deleteFlowEntry(text, start, valueEnd);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', valueEnd - 1 < start ? start : valueEnd - 1);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  if (text.slice(lineStart, start).trim() !== '') fail('the entry does not start its line');
  return text.slice(0, lineStart) + text.slice(lineEnd);
}

function deleteFlowEntry(text: string, start: number, end: number): string {
  const after = /^\s*,\s*/.exec(text.slice(end));
  if (after) return text.slice(0, start) + text.slice(end + after[0].length);
  const before = /,\s*$/.exec(text.slice(0, start));
  if (before) return text.slice(0, before.index) + text.slice(end);
  return text.slice(0, start) + text.slice(end);
}

const PLAIN = /^[A-Za-z_][\w.\- /()]*$/;
const RESERVED = /^(true|false|null|yes|no|y|n|~)$/i;

/** A scalar as YAML source: plain when unambiguous, else a JSON (= YAML double-quoted) string. */
export function formatScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  if (PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(' ') && !value.includes(' #')) return value;
  return JSON.stringify(value);
}

function formatKey(key: string): string {
  return formatScalar(key);
}

function fail(message: string): never {
  throw new Error(`YAML edit: ${message}`);
}
