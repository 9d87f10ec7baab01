import { ts } from 'ts-morph';
import { isLiteralKey, isNeverKey, skipOuter, type KeyResolution } from './key-resolver.js';
import { countBindings, indexModule, type ModuleIndex } from './module-index.js';

/** Where the static resolver gets modules from. */
export interface ModuleSource {
  /** The parsed module at a project-relative path, or undefined when there is none. */
  parse(file: string): ts.SourceFile | undefined;
  /** The project-relative file a relative specifier names, or undefined. */
  resolve(from: string, specifier: string): string | undefined;
  isGenerated(file: string): boolean;
}

/** What an expression denotes, when syntax alone can pin it down. */
type Value =
  | { kind: 'node'; node: ts.Expression; file: string; frozen: boolean }
  | { kind: 'enum'; decl: ts.EnumDeclaration; file: string }
  | { kind: 'module'; index: ModuleIndex };

/** Key resolution from syntax; undefined wherever only the type checker can answer. */
export interface StaticResolver {
  /** A key expression in a parsed file. */
  expression(expr: ts.Expression, file: string): KeyResolution | undefined;
  /** `local.members…` where `file` imports `local` as `name` from `module`. */
  imported(file: string, binding: { module: string; name: string }, members: string[]): KeyResolution | undefined;
}

const MAX_DEPTH = 8;

/**
 * Resolves keys from syntax: literals, `const X = '…'`, enum members with string values and
 * properties of `as const` objects, in the same file or imported (re-exports followed) by
 * relative path. It answers only when the answer is the one the type checker would give and
 * leaves everything else (shadowed names, annotations, computed values) to the checker.
 */
export function createStaticResolver(source: ModuleSource): StaticResolver {
  const indexes = new Map<string, ModuleIndex | undefined>();
  const bindings = new Map<string, Map<string, number>>();
  const moduleAt = (file: string): ModuleIndex | undefined => {
    if (!indexes.has(file)) {
      const sf = source.parse(file);
      indexes.set(file, sf && indexModule(sf, file));
    }
    return indexes.get(file);
  };
  const imported = (from: string, specifier: string): ModuleIndex | undefined => {
    if (!/^\.\.?\//.test(specifier)) return undefined;
    const file = source.resolve(from, specifier);
    return file === undefined ? undefined : moduleAt(file);
  };

  function exportValue(index: ModuleIndex, name: string, depth: number): Value | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const target = index.exports.get(name);
    if (target && 'local' in target) return bindingValue(index, target.local, depth);
    if (target) {
      const next = imported(index.file, target.module);
      if (!next) return undefined;
      return target.name === '*' ? { kind: 'module', index: next } : exportValue(next, target.name, depth + 1);
    }
    // With several `export *`, a name found in two of them is exported by neither: leave it to the checker.
    const [star, ...others] = index.stars;
    const next = star !== undefined && others.length === 0 && name !== 'default' ? imported(index.file, star) : undefined;
    return next && exportValue(next, name, depth + 1);
  }

  function bindingValue(index: ModuleIndex, name: string, depth: number): Value | undefined {
    const top = index.top.get(name);
    if (top?.kind === 'enum') return { kind: 'enum', decl: top.decl, file: index.file };
    if (top?.kind === 'const' && !isJavaScript(index.file)) return constValue(top.decl.initializer!, index.file);
    if (top?.kind !== 'import') return undefined;
    return importValue(index.file, top, depth);
  }

  function importValue(file: string, binding: { module: string; name: string }, depth: number): Value | undefined {
    const next = imported(file, binding.module);
    if (!next) return undefined;
    return binding.name === '*' ? { kind: 'module', index: next } : exportValue(next, binding.name, depth + 1);
  }

  function valueOf(expr: ts.Expression, reader: ModuleIndex): Value | undefined {
    if (ts.isIdentifier(expr)) {
      let counts = bindings.get(reader.file);
      if (!counts) bindings.set(reader.file, (counts = countBindings(reader.sf)));
      return counts.get(expr.text) === 1 ? bindingValue(reader, expr.text, 0) : undefined;
    }
    if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.name)) {
      const object = valueOf(skipParens(expr.expression), reader);
      return object && memberValue(object, expr.name.text);
    }
    return undefined;
  }

  function memberValue(object: Value, name: string): Value | undefined {
    if (object.kind === 'module') return exportValue(object.index, name, 0);
    if (object.kind === 'enum') return enumMember(object.decl, name, object.file);
    if (!object.frozen || !ts.isObjectLiteralExpression(object.node)) return undefined;
    return objectProperty(object.node, name, object.file);
  }

  const keysOf = (value: Value | undefined): KeyResolution | undefined => {
    if (value?.kind !== 'node' || !isLiteralKey(value.node)) return undefined;
    return { kind: 'keys', keys: [value.node.text], via: source.isGenerated(value.file) ? 'codegen' : 'constant' };
  };

  return {
    expression(expr, file) {
      const inner = skipOuter(expr);
      if (isLiteralKey(inner)) return { kind: 'keys', keys: [inner.text], via: ts.isStringLiteral(inner) ? 'call' : 'template' };
      if (isNeverKey(inner)) return { kind: 'none' };
      if (ts.isTemplateExpression(inner)) return { kind: 'dynamic', reason: 'template literal with substitutions' };
      const reader = moduleAt(file);
      return keysOf(reader && valueOf(inner, reader));
    },
    imported(file, binding, members) {
      let value = importValue(file, binding, 0);
      for (const member of members) value = value && memberValue(value, member);
      return keysOf(value);
    },
  };
}

/** `'k'`, `'k' as const`, `{ … } as const`; anything else is the checker's. */
function constValue(initializer: ts.Expression, file: string): Value | undefined {
  const init = skipParens(initializer);
  if (isAsConst(init)) return { kind: 'node', node: skipParens(init.expression), file, frozen: true };
  return isLiteralKey(init) ? { kind: 'node', node: init, file, frozen: false } : undefined;
}

function enumMember(decl: ts.EnumDeclaration, name: string, file: string): Value | undefined {
  const members = decl.members.filter((m) => memberName(m.name) === name);
  const init = members.length === 1 ? members[0]!.initializer : undefined;
  return init && ts.isStringLiteral(init) ? { kind: 'node', node: init, file, frozen: true } : undefined;
}

/** A property of a literal object, when every property is a plain `name: value` (no spreads). */
function objectProperty(object: ts.ObjectLiteralExpression, name: string, file: string): Value | undefined {
  let found: ts.Expression | undefined;
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property)) return undefined;
    const key = memberName(property.name);
    if (key === undefined) return undefined;
    if (key !== name) continue;
    if (found) return undefined;
    found = property.initializer;
  }
  return found && { kind: 'node', node: skipParens(found), file, frozen: true };
}

function memberName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

function isAsConst(node: ts.Expression): node is ts.AsExpression {
  return ts.isAsExpression(node) && ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName) && node.type.typeName.text === 'const';
}

function skipParens(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

/** JSDoc can type a JavaScript constant; syntax does not read it, so the checker decides there. */
function isJavaScript(file: string): boolean {
  return /\.[mc]?jsx?$/.test(file);
}
