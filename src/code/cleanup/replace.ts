import { ts } from 'ts-morph';
import type { FlagReference } from '../../core/stale/types.js';
import { calleeName, collectReads, type FlagRead, type ReadPatterns } from '../scan.js';
import { indentOf, statementSpan, type Edit } from './edits.js';
import { literalText, quoteStyle, type LiteralValue } from './literals.js';

/** A reference the codemod will not rewrite; a person decides. */
export interface ManualSite {
  file: string;
  line: number;
  col: number;
  code: string;
  reason: string;
}

export interface Kept {
  variation: string;
  value: unknown;
}

const BOOLEAN_CALLS = new Set(['isEnabled', 'useFeatureFlag', 'getBooleanValue']);
const DETAIL_CALLS = new Set(['evaluate', 'getBooleanDetails', 'getStringDetails', 'getNumberDetails', 'getObjectDetails']);

type Replacement = { edit: Edit } | { reason: string };

/** Replaces each read of the flag in one file with the kept value; what it cannot, it lists. */
export function replaceReads(sf: ts.SourceFile, refs: FlagReference[], ambiguous: Set<string>, kept: Kept, patterns: ReadPatterns): { edits: Edit[]; manual: ManualSite[] } {
  const reads = collectReads(sf, patterns);
  const edits: Edit[] = [];
  const manual: ManualSite[] = [];
  for (const ref of refs) {
    const pos = sf.getPositionOfLineAndCharacter(ref.line - 1, ref.col - 1);
    const read = reads.find((r) => r.keyExpr.getStart(sf) === pos);
    const result: Replacement = !read ? { reason: 'not a read this codemod recognizes' }
      : ambiguous.has(`${ref.line}:${ref.col}`) ? { reason: 'the key is one of several flags here; choose by hand' }
      : read.kind === 'jsx' ? replaceElement(sf, read, kept) : replaceCall(sf, read, kept);
    if ('edit' in result) edits.push(result.edit);
    else manual.push({ file: ref.file, line: ref.line, col: ref.col, code: ref.code, reason: result.reason });
  }
  return { edits, manual };
}

function valueText(sf: ts.SourceFile, value: unknown): string | undefined {
  if (value !== null && typeof value === 'object') return undefined;
  return literalText(value as LiteralValue, quoteStyle(sf.text));
}

function replaceCall(sf: ts.SourceFile, read: FlagRead, kept: Kept): Replacement {
  const call = read.site as ts.CallExpression;
  const name = calleeName(call.expression) ?? '';
  let target: ts.Node = call;
  let text: string | undefined;
  if (DETAIL_CALLS.has(name)) {
    const parent = call.parent;
    if (!ts.isPropertyAccessExpression(parent) || !['value', 'variation'].includes(parent.name.text)) {
      return { reason: `\`${name}\` returns details; only \`.value\` and \`.variation\` of it can be inlined` };
    }
    target = parent;
    text = parent.name.text === 'value' ? valueText(sf, kept.value) : literalText(kept.variation, quoteStyle(sf.text));
  } else {
    if (BOOLEAN_CALLS.has(name) && typeof kept.value !== 'boolean') return { reason: `\`${name}\` reads a boolean but \`${kept.variation}\` is ${JSON.stringify(kept.value)}` };
    text = valueText(sf, kept.value);
  }
  if (text === undefined) return { reason: 'the kept value is an object; inline it by hand' };
  if (ts.isAwaitExpression(target.parent)) target = target.parent;
  return { edit: { start: target.getStart(sf), end: target.getEnd(), text, seed: true } };
}

/** `<Feature flag="k">children</Feature>`: the children when on, nothing (or `fallback`) when off. */
function replaceElement(sf: ts.SourceFile, read: FlagRead, kept: Kept): Replacement {
  if (typeof kept.value !== 'boolean') return { reason: `a flag component needs a boolean flag, \`${kept.variation}\` is ${JSON.stringify(kept.value)}` };
  const element = read.site as ts.JsxElement | ts.JsxSelfClosingElement;
  const inChildren = ts.isJsxElement(element.parent) || ts.isJsxFragment(element.parent);
  const children = ts.isJsxElement(element) ? element.children.filter((c) => !(ts.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces)) : [];
  const fallback = attributeExpression(element, 'fallback');
  if (!kept.value && fallback) return { edit: { start: element.getStart(sf), end: element.getEnd(), text: fallback.getText(sf), seed: true } };
  if (!kept.value || children.length === 0) {
    if (inChildren) return { edit: { ...statementSpan(sf, element), text: '' } };
    return { edit: { start: element.getStart(sf), end: element.getEnd(), text: 'null', seed: true } };
  }
  const first = children[0]!;
  const last = children[children.length - 1]!;
  const inner = sf.text.slice(first.getStart(sf), last.getEnd());
  const dedented = dedent(inner, indentOf(sf.text, first.getStart(sf)), indentOf(sf.text, element.getStart(sf)));
  const single = children.length === 1 && !ts.isJsxText(first) && !ts.isJsxExpression(first);
  const text = single || inChildren ? dedented : `<>${dedented}</>`;
  return { edit: { start: element.getStart(sf), end: element.getEnd(), text, seed: !inChildren } };
}

function attributeExpression(element: ts.JsxElement | ts.JsxSelfClosingElement, name: string): ts.Expression | undefined {
  const attributes = ts.isJsxElement(element) ? element.openingElement.attributes : element.attributes;
  for (const prop of attributes.properties) {
    if (ts.isJsxAttribute(prop) && prop.name.getText() === name && prop.initializer && ts.isJsxExpression(prop.initializer)) return prop.initializer.expression;
  }
  return undefined;
}

function dedent(text: string, from: string, to: string): string {
  return text.split('\n').map((line, i) => (i > 0 && line.startsWith(from) ? to + line.slice(from.length) : line)).join('\n');
}
