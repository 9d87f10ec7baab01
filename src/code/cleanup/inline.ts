import { ts } from 'ts-morph';
import { removeStatement, type Edit } from './edits.js';

/**
 * `const enabled = true; … enabled …` → `… true …`: a local constant the change made literal is
 * replaced at each use and its declaration removed. Left alone when exported, reassigned through
 * a shadowing name, or not a plain `const` with a single name.
 */
export function inlineConstant(sf: ts.SourceFile, declaration: ts.VariableDeclaration): Edit[] | undefined {
  const list = declaration.parent;
  const statement = list.parent;
  if (!ts.isIdentifier(declaration.name) || !ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined;
  if (!ts.isVariableStatement(statement) || list.declarations.length !== 1) return undefined;
  if (statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return undefined;
  const name = declaration.name.text;
  const scope = statement.parent;
  const uses: ts.Identifier[] = [];
  let shadowed = false;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name) {
      if (isDeclarationName(node)) shadowed = true;
      else if (isReference(node)) uses.push(node);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  if (shadowed) return undefined;
  const value = declaration.initializer!.getText(sf);
  const edits: Edit[] = uses.map((use) =>
    ts.isShorthandPropertyAssignment(use.parent)
      ? { start: use.parent.getStart(sf), end: use.parent.getEnd(), text: `${name}: ${value}` }
      : { start: use.getStart(sf), end: use.getEnd(), text: value, seed: true },
  );
  edits.push(removeStatement(sf, statement));
  return edits;
}

function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isBindingElement(parent)
    || ts.isClassDeclaration(parent) || ts.isImportSpecifier(parent)) && parent.name === node;
}

/** An identifier that reads the variable (not a property name or a member key). */
export function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)
    || ts.isPropertySignature(parent) || ts.isEnumMember(parent) || ts.isJsxAttribute(parent)) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if (isDeclarationName(node)) return false;
  return true;
}
