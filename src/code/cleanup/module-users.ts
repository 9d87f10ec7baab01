import { ts } from 'ts-morph';
import { resolveRelative } from '../prefilter.js';

/** How another file reaches an exported name of a module. */
export type ModuleUse =
  | { kind: 'import'; file: string; local: string }
  | { kind: 'namespace'; file: string; local: string }
  | { kind: 're-export'; file: string }
  | { kind: 'dynamic'; file: string }
  | { kind: 'unresolved'; file: string; module: string }
  | { kind: 'outside'; file: string; use: ModuleUse };

/**
 * Sources outside `code.include` (tests, scripts, tools) that a cleanup never rewrites, keyed by
 * the working set of texts they belong to. An import from one of them still keeps a name alive.
 */
const OUTSIDE = new WeakMap<Map<string, string>, ReadonlyMap<string, string>>();

export function attachOutsideSources(texts: Map<string, string>, outside: ReadonlyMap<string, string>): void {
  OUTSIDE.set(texts, outside);
}

const DYNAMIC = /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]/g;

/**
 * Every way the other files in `texts` may reach `name` exported by `target`: named imports,
 * namespace imports, re-exports (`export { name } from`, `export *`), dynamic `import()` or
 * `require()`, and imports of the same name from a module that does not resolve to a scanned
 * file (a path alias may mean this one). Only files that mention the name or re-export a
 * whole module are parsed.
 */
export function usersOf(target: string, name: string, texts: Map<string, string>): ModuleUse[] {
  const outside = OUTSIDE.get(texts) ?? new Map<string, string>();
  const known = (p: string) => texts.has(p) || outside.has(p);
  const uses = usesIn(texts, target, name, known);
  const fromOutside = usesIn(outside, target, name, known).map((use): ModuleUse => ({ kind: 'outside', file: use.file, use }));
  return [...uses, ...fromOutside];
}

function usesIn(texts: ReadonlyMap<string, string>, target: string, name: string, known: (p: string) => boolean): ModuleUse[] {
  const word = wordPattern(name);
  const uses: ModuleUse[] = [];
  for (const [file, text] of texts) {
    if (file === target || !(word.test(text) || /\bexport\s*\*/.test(text))) continue;
    const resolves = (specifier: string) => isRelative(specifier) && resolveRelative(file, specifier, known) === target;
    for (const match of text.matchAll(DYNAMIC)) if (resolves(match[1]!)) uses.push({ kind: 'dynamic', file });
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    for (const statement of sf.statements) uses.push(...statementUses(statement, file, name, resolves));
  }
  return uses;
}

function statementUses(statement: ts.Statement, file: string, name: string, resolves: (specifier: string) => boolean): ModuleUse[] {
  const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
  if (!specifier || !ts.isStringLiteral(specifier)) return [];
  const module = specifier.text;
  const ours = resolves(module);
  // A bare or aliased specifier naming the same export may be this module under another path.
  const other: ModuleUse[] = isRelative(module) ? [] : [{ kind: 'unresolved', file, module }];
  if (ts.isExportDeclaration(statement)) {
    const clause = statement.exportClause;
    if (ours && (!clause || ts.isNamespaceExport(clause))) return [{ kind: 're-export', file }];
    const named = clause && ts.isNamedExports(clause) && clause.elements.some((e) => (e.propertyName ?? e.name).text === name);
    if (!named) return [];
    return ours ? [{ kind: 're-export', file }] : other;
  }
  const clause = (statement as ts.ImportDeclaration).importClause;
  const bindings = clause?.namedBindings;
  if (!clause || clause.isTypeOnly) return [];
  if (bindings && ts.isNamespaceImport(bindings)) return ours ? [{ kind: 'namespace', file, local: bindings.name.text }] : [];
  const element = bindings?.elements.find((e) => !e.isTypeOnly && (e.propertyName ?? e.name).text === name);
  if (!element) return [];
  return ours ? [{ kind: 'import', file, local: element.name.text }] : other;
}

/** What a person reads: why a name stays. */
export function describeUse(use: ModuleUse): string {
  switch (use.kind) {
    case 'import': return `imported by ${use.file}`;
    case 'namespace': return `imported as a namespace by ${use.file}`;
    case 're-export': return `re-exported by ${use.file}`;
    case 'dynamic': return `loaded dynamically by ${use.file}`;
    case 'unresolved': return `${use.file} imports that name from \`${use.module}\`, which may be this file`;
    case 'outside': return `${describeUse(use.use)} (outside code.include)`;
  }
}

export function isRelative(specifier: string): boolean {
  return /^\.\.?\//.test(specifier);
}

export function wordPattern(name: string): RegExp {
  return new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`);
}
