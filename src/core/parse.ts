import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, SourceFile } from './types.js';

/** A YAML file parsed with its source positions kept, so any later finding can name a line. */
export interface ParsedFile<T = unknown> {
  file: string;
  /** The plain JS value; undefined when the text is not usable YAML. */
  value: T | undefined;
  doc: Document;
  lineCounter: LineCounter;
  /** YAML syntax problems (code FF001) and alias bombs (FF002). */
  diagnostics: Diagnostic[];
}

export type PathSegment = string | number;

export interface Position {
  line: number;
  col: number;
}

const MAX_ALIAS_COUNT = 100;

export function parseYamlFile<T = unknown>(source: SourceFile): ParsedFile<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const at = problem.linePos?.[0] ?? { line: 1, col: 1 };
    diagnostics.push({
      code: 'FF001',
      severity: doc.errors.includes(problem as never) ? 'error' : 'warning',
      message: `YAML: ${firstLine(problem.message)}`,
      file: source.path,
      line: at.line,
      col: at.col,
      hint: 'Fix the YAML syntax; a YAML-aware editor shows the exact spot.',
    });
  }
  let value: T | undefined;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as T;
    } catch (error) {
      diagnostics.push({
        code: 'FF002',
        severity: 'error',
        message: `YAML: ${firstLine((error as Error).message)}`,
        file: source.path,
        line: 1,
        col: 1,
        hint: `Aliases may expand to at most ${MAX_ALIAS_COUNT} nodes; write the values out.`,
      });
    }
  }
  return { file: source.path, value, doc, lineCounter, diagnostics };
}

/**
 * Where the node at `path` starts. With `key: true`, the position of the map key naming the
 * last segment (for "unknown property" findings). Falls back to the nearest existing ancestor.
 */
export function locate(parsed: ParsedFile, path: readonly PathSegment[], options: { key?: boolean } = {}): Position {
  let node: unknown = parsed.doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [index, segment] of path.entries()) {
    const isLast = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyOf(item.key) === String(segment));
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      if (isLast && options.key && keyStart !== undefined) {
        offset = keyStart;
        break;
      }
      node = pair.value;
      offset = rangeStart(node) ?? keyStart ?? offset;
    } else if (isSeq(node) && typeof segment === 'number' || isSeq(node) && /^\d+$/.test(String(segment))) {
      const item = (node as { items: unknown[] }).items[Number(segment)];
      if (item === undefined) break;
      node = item;
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  return parsed.lineCounter.linePos(offset);
}

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
