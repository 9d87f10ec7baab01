import { ts } from 'ts-morph';
import { removeStatement, type Edit } from './edits.js';
import { isReference } from './inline.js';
import { isPure } from './literals.js';

export interface UnusedContext {
  /** Names the change may have orphaned (they appear in removed text). */
  candidates: Set<string>;
  /** True when the name was in use before the change: only those may go. */
  wasUsed: (name: string) => boolean;
  /** True when another file may still reach the name (an export imported or re-exported somewhere). */
  usedElsewhere: (name: string) => boolean;
  /** Names that stay whatever their uses (the functions that read flags: the next flag needs them). */
  keep?: (name: string) => boolean;
}

export interface UnusedResult {
  text: string;
  /** Named imports removed, to follow into the modules that export them. */
  imports: { name: string; module: string }[];
}

const MAX_ROUNDS = 100;

/** Removes imports, constants and functions the change left without a single use, and only those. */
export function removeUnused(fileName: string, text: string, kind: ts.ScriptKind, context: UnusedContext): UnusedResult {
  const imports: UnusedResult['imports'] = [];
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const sf = ts.createSourceFile(fileName, current, ts.ScriptTarget.Latest, true, kind);
    const name = [...context.candidates].find((n) => context.wasUsed(n) && declarationEdit(sf, n, context) !== undefined);
    if (name === undefined) break;
    const found = declarationEdit(sf, name, context)!;
    if (found.module) imports.push({ name, module: found.module });
    const removed = current.slice(found.edit.start, found.edit.end);
    current = current.slice(0, found.edit.start) + found.edit.text + current.slice(found.edit.end);
    context.candidates.delete(name);
    for (const word of removed.match(/[A-Za-z_$][\w$]*/g) ?? []) context.candidates.add(word);
  }
  return { text: current, imports };
}

function usedIn(scope: ts.Node, name: string): boolean {
  let used = false;
  const visit = (node: ts.Node): void => {
    if (used) return;
    if (ts.isIdentifier(node) && node.text === name && isReference(node) && !isImportName(node)) used = true;
    else ts.forEachChild(node, visit);
  };
  visit(scope);
  return used;
}

/** How many times each name is read in the file (declarations excluded). */
export function countUses(sf: ts.SourceFile): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && isReference(node) && !isImportName(node)) counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return counts;
}

function isImportName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return ts.isImportClause(parent) || ts.isNamespaceImport(parent) || (ts.isImportSpecifier(parent) && (parent.name === node || parent.propertyName === node));
}

function declarationEdit(sf: ts.SourceFile, name: string, context: UnusedContext): { edit: Edit; module?: string } | undefined {
  let found: { edit: Edit; module?: string } | undefined;
  const unusedIn = (scope: ts.Node) => !usedIn(scope, name);
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isImportDeclaration(node)) found = unusedIn(sf) ? importEdit(sf, node, name) : undefined;
    else if ((ts.isFunctionDeclaration(node) || ts.isEnumDeclaration(node)) && node.name?.text === name && removable(node, name, context) && unusedIn(node.parent)) {
      found = { edit: removeStatement(sf, node) };
    } else if (ts.isVariableStatement(node)) {
      const [only, ...rest] = node.declarationList.declarations;
      const initializer = only?.initializer;
      const named = only && rest.length === 0 && ts.isIdentifier(only.name) && only.name.text === name;
      if (named && (!initializer || isPure(initializer)) && removable(node, name, context) && unusedIn(node.parent)) found = { edit: removeStatement(sf, node) };
    }
    if (!found) ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function removable(node: ts.Statement, name: string, context: UnusedContext): boolean {
  if (context.keep?.(name)) return false;
  const exported = ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  return !exported || !context.usedElsewhere(name);
}

export function importEdit(sf: ts.SourceFile, node: ts.ImportDeclaration, name: string): { edit: Edit; module?: string } | undefined {
  const clause = node.importClause;
  if (!clause) return undefined;
  const module = (node.moduleSpecifier as ts.StringLiteral).text;
  const bindings = clause.namedBindings;
  const named = bindings && ts.isNamedImports(bindings) ? bindings.elements : undefined;
  const element = named?.find((e) => e.name.text === name);
  const isDefault = clause.name?.text === name;
  const isNamespace = bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name;
  if (!element && !isDefault && !isNamespace) return undefined;
  const others = (named?.length ?? 0) - (element ? 1 : 0) + (clause.name && !isDefault ? 1 : 0);
  if (others === 0 || isNamespace && !clause.name) return { edit: removeStatement(sf, node), module };
  if (isDefault) return { edit: { start: clause.name!.getStart(sf), end: bindings!.getStart(sf), text: '' }, module };
  const list = named!;
  const index = list.indexOf(element!);
  if (list.length === 1) return { edit: { start: clause.name!.getEnd(), end: bindings!.getEnd(), text: '' }, module };
  const edit = index < list.length - 1
    ? { start: element!.getStart(sf), end: list[index + 1]!.getStart(sf), text: '' }
    : { start: list[index - 1]!.getEnd(), end: element!.getEnd(), text: '' };
  return { edit, module: element!.propertyName ? undefined : module };
}
