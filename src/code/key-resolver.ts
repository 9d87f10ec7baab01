import { ts } from 'ts-morph';
import type { ReferenceVia } from '../core/stale/types.js';

/** What a key expression evaluates to: known keys, a reason it is unknown, or not a key at all. */
export type KeyResolution =
  | { kind: 'keys'; keys: string[]; via: ReferenceVia }
  | { kind: 'dynamic'; reason: string }
  | { kind: 'none' };

/** True when the expression's key is visible without a type checker. */
export function isLiteralKey(expr: ts.Expression): expr is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr);
}

/** Syntax that can never be a flag key (objects, functions, numbers): not a flag read. */
export function isNeverKey(expr: ts.Expression): boolean {
  return ts.isObjectLiteralExpression(expr) || ts.isArrayLiteralExpression(expr) || ts.isArrowFunction(expr)
    || ts.isFunctionExpression(expr) || ts.isNumericLiteral(expr) || expr.kind === ts.SyntaxKind.TrueKeyword
    || expr.kind === ts.SyntaxKind.FalseKeyword || expr.kind === ts.SyntaxKind.NullKeyword;
}

/**
 * Resolves a key expression through the type checker: constants imported from other files, enum
 * members and `as const` objects all have string literal types. A union is trusted only when it
 * comes from a `const` (a parameter typed with every key says nothing about which one is read).
 */
export function resolveKey(expr: ts.Expression, checker: ts.TypeChecker | undefined, isGenerated: (file: string) => boolean): KeyResolution {
  const inner = skipOuter(expr);
  if (isLiteralKey(inner)) return { kind: 'keys', keys: [inner.text], via: ts.isStringLiteral(inner) ? 'call' : 'template' };
  if (isNeverKey(inner)) return { kind: 'none' };
  if (ts.isTemplateExpression(inner)) return { kind: 'dynamic', reason: 'template literal with substitutions' };
  if (!checker) return { kind: 'dynamic', reason: 'computed key' };
  const type = checker.getTypeAtLocation(inner);
  const symbol = symbolOf(inner, checker);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  const via: ReferenceVia = declaration && isGenerated(declaration.getSourceFile().fileName) ? 'codegen' : 'constant';
  if (!maybeString(type)) return { kind: 'none' };
  const literals = stringLiterals(type);
  if (literals && (literals.length === 1 || (declaration && isConstDeclaration(declaration)))) return { kind: 'keys', keys: literals, via };
  return { kind: 'dynamic', reason: dynamicReason(inner, type, declaration) };
}

/** The expression inside parentheses, `as`, `satisfies` and `!`. */
export function skipOuter(expr: ts.Expression): ts.Expression {
  let node = expr;
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node)) {
    node = node.expression;
  }
  return node;
}

function symbolOf(expr: ts.Expression, checker: ts.TypeChecker): ts.Symbol | undefined {
  const target = ts.isPropertyAccessExpression(expr) ? expr.name : ts.isElementAccessExpression(expr) ? expr.argumentExpression : expr;
  const symbol = checker.getSymbolAtLocation(target);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) return checker.getAliasedSymbol(symbol);
  return symbol;
}

function stringLiterals(type: ts.Type): string[] | undefined {
  const parts = type.isUnion() ? type.types : [type];
  const values: string[] = [];
  for (const part of parts) {
    if (!(part.flags & ts.TypeFlags.StringLiteral)) return undefined;
    values.push((part as ts.StringLiteralType).value);
  }
  return values.length > 0 ? values : undefined;
}

const STRINGISH = ts.TypeFlags.StringLike | ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Union | ts.TypeFlags.TypeParameter;

function maybeString(type: ts.Type): boolean {
  return (type.flags & STRINGISH) !== 0;
}

function isConstDeclaration(node: ts.Declaration): boolean {
  if (ts.isVariableDeclaration(node)) return (ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const) !== 0;
  return ts.isEnumMember(node) || ts.isPropertyAssignment(node);
}

function dynamicReason(expr: ts.Expression, type: ts.Type, declaration: ts.Declaration | undefined): string {
  const name = expr.getText();
  if (declaration && isParameterLike(declaration)) return `\`${name}\` is a parameter: its callers decide the key`;
  if (!declaration && type.flags & ts.TypeFlags.Any) return `\`${name}\` does not resolve inside the scanned files`;
  if (type.flags & ts.TypeFlags.String) return `\`${name}\` is a string computed at run time`;
  return `\`${name}\` is not a constant key`;
}

function isParameterLike(node: ts.Node): boolean {
  let current: ts.Node | undefined = node;
  while (current && (ts.isBindingElement(current) || ts.isObjectBindingPattern(current) || ts.isArrayBindingPattern(current))) current = current.parent;
  return current !== undefined && ts.isParameter(current);
}
