import { ts } from 'ts-morph';

/** What a top-level name is bound to, as far as syntax alone can tell. */
export type TopLevel =
  | { kind: 'const'; decl: ts.VariableDeclaration }
  | { kind: 'enum'; decl: ts.EnumDeclaration }
  | { kind: 'import'; module: string; name: string }
  | { kind: 'other' };

/** An exported name: a top-level name of this module, or one re-exported from another. */
export type ExportTarget = { local: string } | { module: string; name: string };

/** One parsed module's top-level bindings and exports, built once from its statements. */
export interface ModuleIndex {
  sf: ts.SourceFile;
  /** Path relative to the project root. */
  file: string;
  top: Map<string, TopLevel>;
  exports: Map<string, ExportTarget>;
  /** `export * from '…'` specifiers. */
  stars: string[];
}

export function indexModule(sf: ts.SourceFile, file: string): ModuleIndex {
  const index: ModuleIndex = { sf, file, top: new Map(), exports: new Map(), stars: [] };
  // A name bound twice at the top (merged enums, overloads, namespaces) is left to the checker.
  const bind = (name: string, value: TopLevel) => index.top.set(name, index.top.has(name) ? { kind: 'other' } : value);
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement)) indexImport(statement, bind);
    else if (ts.isExportDeclaration(statement)) indexExport(statement, index);
    else indexDeclaration(statement, bind, (name) => index.exports.set(name, { local: name }));
  }
  return index;
}

function indexImport(node: ts.ImportDeclaration, bind: (name: string, value: TopLevel) => void): void {
  const clause = node.importClause;
  if (!clause || !ts.isStringLiteral(node.moduleSpecifier)) return;
  const module = node.moduleSpecifier.text;
  const typeOnly = clause.isTypeOnly;
  const imported = (name: string): TopLevel => (typeOnly ? { kind: 'other' } : { kind: 'import', module, name });
  if (clause.name) bind(clause.name.text, imported('default'));
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) bind(bindings.name.text, imported('*'));
  if (bindings && ts.isNamedImports(bindings)) {
    for (const spec of bindings.elements) {
      bind(spec.name.text, spec.isTypeOnly ? { kind: 'other' } : imported((spec.propertyName ?? spec.name).text));
    }
  }
}

function indexExport(node: ts.ExportDeclaration, index: ModuleIndex): void {
  if (node.isTypeOnly) return;
  const module = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
  const clause = node.exportClause;
  if (!clause) {
    if (module) index.stars.push(module);
  } else if (ts.isNamespaceExport(clause)) {
    if (module) index.exports.set(clause.name.text, { module, name: '*' });
  } else {
    for (const spec of clause.elements) {
      if (spec.isTypeOnly) continue;
      const local = (spec.propertyName ?? spec.name).text;
      index.exports.set(spec.name.text, module ? { module, name: local } : { local });
    }
  }
}

function indexDeclaration(statement: ts.Statement, bind: (name: string, value: TopLevel) => void, exported: (name: string) => void): void {
  const isExported = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const add = (name: string, value: TopLevel) => {
    bind(name, value);
    if (isExported) exported(name);
  };
  if (ts.isVariableStatement(statement)) {
    const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const decl of statement.declarationList.declarations) {
      if (ts.isIdentifier(decl.name)) add(decl.name.text, isConst && decl.initializer && !decl.type ? { kind: 'const', decl } : { kind: 'other' });
      else for (const name of bindingNames(decl.name)) add(name, { kind: 'other' });
    }
  } else if (ts.isEnumDeclaration(statement)) {
    add(statement.name.text, { kind: 'enum', decl: statement });
  } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
    add(statement.name.text, { kind: 'other' });
  } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
    add(statement.name.text, { kind: 'other' });
  } else if (ts.isImportEqualsDeclaration(statement)) {
    add(statement.name.text, { kind: 'other' });
  }
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isBindingElement(e) ? bindingNames(e.name) : []));
}

const BINDING_KINDS = new Set([
  ts.SyntaxKind.VariableDeclaration, ts.SyntaxKind.Parameter, ts.SyntaxKind.BindingElement,
  ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.FunctionExpression, ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.ClassExpression, ts.SyntaxKind.EnumDeclaration, ts.SyntaxKind.ModuleDeclaration,
  ts.SyntaxKind.ImportClause, ts.SyntaxKind.NamespaceImport, ts.SyntaxKind.ImportSpecifier,
  ts.SyntaxKind.ImportEqualsDeclaration,
]);

/**
 * How many times each value name is bound anywhere in the file, in any scope. A name bound once,
 * at the top, means the same binding wherever the file uses it: no scope analysis needed.
 */
export function countBindings(sf: ts.SourceFile): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (BINDING_KINDS.has(node.kind)) {
      const name = (node as ts.NamedDeclaration).name;
      if (name && ts.isIdentifier(name)) counts.set(name.text, (counts.get(name.text) ?? 0) + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return counts;
}
