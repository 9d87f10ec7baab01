import path from 'node:path';
import { ts } from 'ts-morph';
import type { DynamicReference, FlagReference } from '../core/stale/types.js';
import type { KeyResolution } from './key-resolver.js';

/** What counts as reading a flag, from the config. */
export interface ReadPatterns {
  calls: Set<string>;
  /** component name → attribute naming the flag. */
  jsx: Map<string, string>;
}

/** A syntactic flag read: the expression naming the key and the node that evaluates the flag. */
export interface FlagRead {
  keyExpr: ts.Expression;
  /** The call expression or JSX element. */
  site: ts.Node;
  kind: 'call' | 'jsx';
}

/**
 * Every call to a configured name and every configured JSX attribute in one file. Needs no parent
 * pointers, so a file parsed without them (cheaper) will do.
 */
export function collectReads(sf: ts.SourceFile, patterns: ReadPatterns): FlagRead[] {
  const reads: FlagRead[] = [];
  const jsx = (tag: ts.JsxOpeningElement | ts.JsxSelfClosingElement, site: ts.Node): void => {
    const attribute = patterns.jsx.get(calleeName(tag.tagName) ?? '');
    const expr = attribute ? jsxAttributeExpression(sf, tag, attribute) : undefined;
    if (expr) reads.push({ keyExpr: expr, site, kind: 'jsx' });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      const first = node.arguments[0];
      if (name && first && patterns.calls.has(name) && !ts.isSpreadElement(first)) reads.push({ keyExpr: first, site: node, kind: 'call' });
    } else if (ts.isJsxElement(node)) {
      jsx(node.openingElement, node);
    } else if (ts.isJsxSelfClosingElement(node)) {
      jsx(node, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return reads;
}

export interface ScanResult {
  references: FlagReference[];
  dynamic: DynamicReference[];
}

/** Turns a file's reads into located references and dynamic reads, keys resolved by `resolve`. */
export function locateReads(sf: ts.SourceFile, file: string, reads: FlagRead[], resolve: (expr: ts.Expression) => KeyResolution): ScanResult {
  const result: ScanResult = { references: [], dynamic: [] };
  for (const read of reads) {
    const where = position(sf, read.keyExpr);
    const resolution = resolve(read.keyExpr);
    if (resolution.kind === 'keys') {
      const via = read.kind === 'jsx' && resolution.via === 'call' ? 'jsx' : resolution.via;
      for (const key of resolution.keys) result.references.push({ key, file, ...where, via });
    } else if (resolution.kind === 'dynamic') {
      result.dynamic.push({ file, ...where, reason: resolution.reason });
    }
  }
  return result;
}

export function calleeName(expr: ts.Node): string | undefined {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  if (ts.isJsxNamespacedName?.(expr)) return expr.name.text;
  return undefined;
}

function jsxAttributeExpression(sf: ts.SourceFile, node: ts.JsxOpeningElement | ts.JsxSelfClosingElement, name: string): ts.Expression | undefined {
  for (const prop of node.attributes.properties) {
    if (!ts.isJsxAttribute(prop) || prop.name.getText(sf) !== name || !prop.initializer) continue;
    if (ts.isStringLiteral(prop.initializer)) return prop.initializer;
    if (ts.isJsxExpression(prop.initializer)) return prop.initializer.expression;
  }
  return undefined;
}

function position(sf: ts.SourceFile, node: ts.Node): { line: number; col: number; code: string } {
  return positionAt(sf.text, sf.getLineStarts(), node.getStart(sf));
}

/** 1-based line and column of an offset, and its line's code, trimmed. */
export function positionAt(text: string, lineStarts: readonly number[], offset: number): { line: number; col: number; code: string } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  const end = lineStarts[low + 1] ?? text.length;
  return { line: low + 1, col: offset - lineStarts[low]! + 1, code: text.slice(lineStarts[low], end).trim() };
}

/** Where each line starts, with the parser's line breaks (CR, LF, CRLF, U+2028, U+2029). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) starts.push(i + 1);
  }
  return starts;
}

export function scriptKind(file: string): ts.ScriptKind {
  const ext = path.extname(file);
  if (ext === '.tsx') return ts.ScriptKind.TSX;
  if (ext === '.jsx') return ts.ScriptKind.JSX;
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs') return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

const PARSE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

/** Parses for reading only: no parent pointers and no JSDoc, which the scan never looks at. */
export function parseCode(fileName: string, text: string, file: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, PARSE_OPTIONS, false, scriptKind(file));
}
