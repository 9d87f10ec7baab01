import { ts } from 'ts-morph';
import type { DynamicReference, FlagReference } from '../core/stale/types.js';
import { isLiteralKey, isNeverKey, resolveKey } from './key-resolver.js';

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

/** Every call to a configured name and every configured JSX attribute in one file. */
export function collectReads(sf: ts.SourceFile, patterns: ReadPatterns): FlagRead[] {
  const reads: FlagRead[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      const first = node.arguments[0];
      if (name && first && patterns.calls.has(name) && !ts.isSpreadElement(first)) reads.push({ keyExpr: first, site: node, kind: 'call' });
    } else if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const attribute = patterns.jsx.get(calleeName(node.tagName) ?? '');
      const expr = attribute ? jsxAttributeExpression(node, attribute) : undefined;
      if (expr) reads.push({ keyExpr: expr, site: ts.isJsxOpeningElement(node) ? node.parent : node, kind: 'jsx' });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return reads;
}

/** True when a file's reads all have literal keys (no type checker needed). */
export function needsChecker(reads: FlagRead[]): boolean {
  return reads.some((r) => !isLiteralKey(r.keyExpr) && !isNeverKey(r.keyExpr));
}

export interface ScanResult {
  references: FlagReference[];
  dynamic: DynamicReference[];
}

/** Turns a file's reads into located references and dynamic reads. */
export function locateReads(
  sf: ts.SourceFile, file: string, reads: FlagRead[], checker: ts.TypeChecker | undefined, isGenerated: (file: string) => boolean,
): ScanResult {
  const result: ScanResult = { references: [], dynamic: [] };
  for (const read of reads) {
    const where = position(sf, read.keyExpr);
    const resolution = resolveKey(read.keyExpr, checker, isGenerated);
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

function jsxAttributeExpression(node: ts.JsxOpeningElement | ts.JsxSelfClosingElement, name: string): ts.Expression | undefined {
  for (const prop of node.attributes.properties) {
    if (!ts.isJsxAttribute(prop) || prop.name.getText() !== name || !prop.initializer) continue;
    if (ts.isStringLiteral(prop.initializer)) return prop.initializer;
    if (ts.isJsxExpression(prop.initializer)) return prop.initializer.expression;
  }
  return undefined;
}

function position(sf: ts.SourceFile, node: ts.Node): { line: number; col: number; code: string } {
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  const starts = sf.getLineStarts();
  const end = starts[line + 1] ?? sf.text.length;
  return { line: line + 1, col: character + 1, code: sf.text.slice(starts[line], end).trim() };
}
