import { ts } from 'ts-morph';

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken, ts.SyntaxKind.InstanceOfKeyword, ts.SyntaxKind.InKeyword,
]);
const MAX_DEPTH = 8;

/**
 * True when syntax shows the expression is always a boolean: a literal, a negation, a comparison,
 * a logical chain of booleans, or a name declared `: boolean` (or a `const` holding a boolean).
 * Only then is `x || false` the same value as `x`; anything unsure answers false.
 */
export function isBoolean(node: ts.Expression, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (ts.isParenthesizedExpression(node)) return isBoolean(node.expression, depth + 1);
  if (ts.isPrefixUnaryExpression(node)) return node.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (COMPARISONS.has(op)) return true;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) return isBoolean(node.left, depth + 1) && isBoolean(node.right, depth + 1);
    return false;
  }
  if (ts.isIdentifier(node)) {
    const declaration = declarationOf(node);
    if (!declaration) return false;
    if (declaration.type) return declaration.type.kind === ts.SyntaxKind.BooleanKeyword;
    const constant = ts.isVariableDeclaration(declaration) && (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0;
    return constant && declaration.initializer !== undefined && isBoolean(declaration.initializer, depth + 1);
  }
  return false;
}

/**
 * The nearest parameter or variable declaring `name` in scope of `use`; undefined when unsure (a
 * destructured name, a loop or catch binding, a function of that name comes first).
 */
function declarationOf(use: ts.Identifier): ts.ParameterDeclaration | ts.VariableDeclaration | undefined {
  const name = use.text;
  for (let scope: ts.Node | undefined = use.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope)) {
      for (const parameter of scope.parameters) {
        if (ts.isIdentifier(parameter.name) ? parameter.name.text === name : bindsName(parameter.name, name)) {
          return ts.isIdentifier(parameter.name) ? parameter : undefined;
        }
      }
      if (scope.name && ts.isIdentifier(scope.name) && scope.name.text === name) return undefined;
    }
    if ((ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) && scope.initializer && bindsName(scope.initializer, name)) return undefined;
    if (ts.isCatchClause(scope) && scope.variableDeclaration && bindsName(scope.variableDeclaration.name, name)) return undefined;
    if (ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
      const found = declaredIn(scope.statements, name);
      if (found !== 'none') return found;
    }
  }
  return undefined;
}

function declaredIn(statements: readonly ts.Statement[], name: string): ts.VariableDeclaration | undefined | 'none' {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name) return d;
        if (!ts.isIdentifier(d.name) && bindsName(d.name, name)) return undefined;
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name?.text === name) {
      return undefined;
    }
  }
  return 'none';
}

function bindsName(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node)) return node.text === name;
  let found = false;
  node.forEachChild((child) => {
    found ||= bindsName(child, name);
  });
  return found;
}
