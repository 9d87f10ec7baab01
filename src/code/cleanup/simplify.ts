import { ts } from 'ts-morph';
import { applyEdits, nodeAt, statementSpan, type Edit, type Span } from './edits.js';
import { isPure, literalValue, NOT_LITERAL } from './literals.js';
import { isBoolean } from './booleans.js';
import { inlineConstant } from './inline.js';
import { simplifyStatement } from './statements.js';

export interface Simplified {
  text: string;
  removed: string[];
}

const MAX_STEPS = 500;

/**
 * Folds what the inlined values make constant, one rewrite at a time, starting only from the
 * seeds (text the change produced), so code the change did not touch stays as written.
 */
export function simplify(fileName: string, text: string, seeds: Span[], kind: ts.ScriptKind): Simplified {
  let current = { text, seeds };
  const removed: string[] = [];
  for (let step = 0; step < MAX_STEPS; step++) {
    const sf = ts.createSourceFile(fileName, current.text, ts.ScriptTarget.Latest, true, kind);
    const edits = nextRewrite(sf, current.seeds);
    if (!edits) break;
    const applied = applyEdits(current.text, edits.edits, current.seeds.filter((s) => s !== edits.seed));
    removed.push(...applied.removed);
    current = { text: applied.text, seeds: applied.seeds };
  }
  return { text: current.text, removed };
}

function nextRewrite(sf: ts.SourceFile, seeds: Span[]): { edits: Edit[]; seed: Span } | undefined {
  for (const seed of seeds) {
    const node = nodeAt(sf, seed);
    const edits = node ? rewrite(sf, node) : undefined;
    if (edits) return { edits, seed };
  }
  return undefined;
}

/** The rewrite one folded node enables in its parent, if any. */
function rewrite(sf: ts.SourceFile, node: ts.Node): Edit[] | undefined {
  const parent = node.parent;
  const value = literalValue(node);
  const literal = value !== NOT_LITERAL;
  const replace = (target: ts.Node, text: string): Edit[] => [{ start: target.getStart(sf), end: target.getEnd(), text, seed: true }];
  if (ts.isParenthesizedExpression(parent) && (literal || ts.isIdentifier(node) || isJsx(node) || ts.isParenthesizedExpression(node))) {
    return replace(parent, node.getText(sf));
  }
  if (ts.isAwaitExpression(parent) && literal) return replace(parent, node.getText(sf));
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken && literal) return replace(parent, String(!value));
  if (ts.isBinaryExpression(parent)) return foldBinary(sf, parent, node, replace);
  if (ts.isConditionalExpression(parent) && parent.condition === node && literal) {
    return replace(parent, (value ? parent.whenTrue : parent.whenFalse).getText(sf));
  }
  if (ts.isConditionalExpression(parent) && parent.condition !== node && literal) return foldBooleanChoice(sf, parent, replace);
  if (ts.isIfStatement(parent) && parent.expression === node && literal) return simplifyStatement(sf, parent, Boolean(value));
  if (ts.isVariableDeclaration(parent) && parent.initializer === node && literal) return inlineConstant(sf, parent);
  if (ts.isJsxExpression(parent) && parent.expression === node && isJsxChild(parent)) {
    if (literal && (typeof value === 'boolean' || value === null || value === undefined)) return [{ ...statementSpan(sf, parent), text: '' }];
    if (isJsx(node)) return replace(parent, node.getText(sf));
  }
  return undefined;
}

function foldBinary(sf: ts.SourceFile, parent: ts.BinaryExpression, node: ts.Node, replace: (n: ts.Node, t: string) => Edit[]): Edit[] | undefined {
  const op = parent.operatorToken.kind;
  const left = literalValue(parent.left);
  const right = literalValue(parent.right);
  const { AmpersandAmpersandToken: AND, BarBarToken: OR, QuestionQuestionToken: NULLISH } = ts.SyntaxKind;
  if (parent.left === node && left !== NOT_LITERAL) {
    if (op === AND) return replace(parent, (left ? parent.right : parent.left).getText(sf));
    if (op === OR) return replace(parent, (left ? parent.left : parent.right).getText(sf));
    if (op === NULLISH) return replace(parent, (left === null || left === undefined ? parent.right : parent.left).getText(sf));
  }
  if (parent.right === node && right !== NOT_LITERAL && (op === AND || op === OR)) {
    const absorbing = op === AND ? !right : Boolean(right);
    if (absorbing && isPure(parent.left)) return replace(parent, parent.right.getText(sf));
    // `x || false`, `x && true`: x itself where only truthiness matters or x is a boolean anyway.
    if (!absorbing && (isBooleanContext(parent) || isBoolean(parent.left))) return replace(parent, parent.left.getText(sf));
  }
  if (left !== NOT_LITERAL && right !== NOT_LITERAL) {
    const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken ? left === right
      : op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken ? left !== right : undefined;
    if (equal !== undefined) return replace(parent, String(equal));
  }
  return undefined;
}

/** `c ? true : false` → `c`, `c ? false : true` → `!c`, when `c` is a boolean. */
function foldBooleanChoice(sf: ts.SourceFile, parent: ts.ConditionalExpression, replace: (n: ts.Node, t: string) => Edit[]): Edit[] | undefined {
  const whenTrue = literalValue(parent.whenTrue);
  const whenFalse = literalValue(parent.whenFalse);
  if (typeof whenTrue !== 'boolean' || typeof whenFalse !== 'boolean' || whenTrue === whenFalse || !isBoolean(parent.condition)) return undefined;
  const condition = parent.condition.getText(sf);
  if (whenTrue) return replace(parent, condition);
  const simple = ts.isIdentifier(parent.condition) || ts.isParenthesizedExpression(parent.condition) || ts.isPrefixUnaryExpression(parent.condition);
  return replace(parent, simple ? `!${condition}` : `!(${condition})`);
}

/** Where only truthiness matters: conditions, negations, and logical chains inside them. */
function isBooleanContext(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isParenthesizedExpression(parent)) return isBooleanContext(parent);
  if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) return parent.expression === node;
  if (ts.isConditionalExpression(parent)) return parent.condition === node;
  if (ts.isPrefixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken].includes(parent.operatorToken.kind)) {
    return isBooleanContext(parent);
  }
  return false;
}

function isJsx(node: ts.Node): boolean {
  return ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node);
}

function isJsxChild(node: ts.Node): boolean {
  return ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent);
}

