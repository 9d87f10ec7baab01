import { ts } from 'ts-morph';

/** A literal's JavaScript value, when the node is one; `NOT_LITERAL` otherwise. */
export const NOT_LITERAL = Symbol('not a literal');
export type LiteralValue = boolean | string | number | null | undefined;

export function literalValue(node: ts.Node): LiteralValue | typeof NOT_LITERAL {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isIdentifier(node) && node.text === 'undefined') return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) return -Number(node.operand.text);
  return NOT_LITERAL;
}

export function isLiteral(node: ts.Node): boolean {
  return literalValue(node) !== NOT_LITERAL;
}

/** Source text for a value, in the file's quote style. */
export function literalText(value: LiteralValue, quote: "'" | '"'): string {
  if (value === undefined) return 'undefined';
  if (typeof value !== 'string') return JSON.stringify(value);
  const json = JSON.stringify(value);
  if (quote === '"') return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

export function quoteStyle(text: string): "'" | '"' {
  const single = (text.match(/'/g) ?? []).length;
  const double = (text.match(/"/g) ?? []).length;
  return single >= double ? "'" : '"';
}

/** Expressions whose evaluation has no effect: safe to drop. */
export function isPure(node: ts.Node): boolean {
  if (isLiteral(node) || ts.isIdentifier(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return true;
  if (ts.isPropertyAccessExpression(node)) return isPure(node.expression);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return isPure(node.expression);
  if (ts.isTemplateExpression(node)) return node.templateSpans.every((s) => isPure(s.expression));
  if (ts.isArrayLiteralExpression(node)) return node.elements.every(isPure);
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every((p) => (ts.isPropertyAssignment(p) ? isPure(p.initializer) : ts.isShorthandPropertyAssignment(p)));
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ['String', 'Number', 'Boolean'].includes(node.expression.text)) {
    return node.arguments.every(isPure);
  }
  if (ts.isPrefixUnaryExpression(node)) return isPure(node.operand);
  if (ts.isTypeOfExpression(node)) return isPure(node.expression);
  return false;
}
