import { ts } from 'ts-morph';
import { isGeneratedText, scriptKind } from '../references.js';
import type { Edit } from './edits.js';
import { isReference } from './inline.js';
import { describeUse, usersOf } from './module-users.js';
import type { Leftover } from './orphans.js';
import { importEdit } from './unused.js';

type Member = ts.EnumMember | ts.PropertyAssignment;
interface Container {
  name: string;
  statement: ts.Statement;
  members: readonly ts.Node[];
}

/** How a container (enum, `as const` object) is used: member by member, or as a whole. */
interface ContainerUses {
  members: Map<string, number>;
  /** Mentions that are neither a member nor an import (a type annotation, an export). */
  other: number;
  /** Why members cannot be judged one by one (used as a whole, re-exported…). */
  opaque?: string;
}

const MAX_ROUNDS = 100;

/**
 * Enum members and `as const` properties holding the removed key go when the change took their
 * last use, and their enum or object too once empty and unused (with its imports). Nothing goes
 * while the container is used as a whole (`Object.values(FlagKey)`, re-exported, a namespace
 * import): those are listed for a person instead.
 */
export function pruneKeyMembers(key: string, texts: Map<string, string>, originals: Map<string, string>): Leftover[] {
  const leftovers: Leftover[] = [];
  const decided = new Set<string>();
  for (const file of [...texts.keys()]) {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const text = texts.get(file)!;
      if (!mentionsKey(text, key) || isGeneratedText(text)) break;
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
      const next = nextPrune(sf, key, texts, originals, decided, leftovers);
      if (!next) break;
      for (const [path, edits] of next) texts.set(path, applyAll(texts.get(path)!, edits));
    }
  }
  return leftovers;
}

function nextPrune(
  sf: ts.SourceFile, key: string, texts: Map<string, string>, originals: Map<string, string>, decided: Set<string>, leftovers: Leftover[],
): Map<string, Edit[]> | undefined {
  for (const container of containers(sf)) {
    for (const member of container.members as Member[]) {
      const name = memberName(member);
      const id = `${sf.fileName}\0${container.name}.${name}`;
      if (!name || decided.has(id) || !holdsKey(member, key)) continue;
      decided.add(id);
      const before = containerUses(sf.fileName, container.name, originals);
      if (!before.members.get(name)) continue;
      const after = containerUses(sf.fileName, container.name, texts);
      if (after.members.get(name) || mentionedByMember(container, member, name)) continue;
      if (after.opaque) {
        leftovers.push(leftover(sf, member, `${container.name}.${name}`, `holds the removed key; kept because ${container.name} ${after.opaque}`));
        continue;
      }
      if (container.members.length > 1 || after.other > 0 || [...after.members.values()].some((n) => n > 0)) return new Map([[sf.fileName, [memberEdit(sf, member, container)]]]);
      return removeContainer(sf, container, texts);
    }
  }
  return undefined;
}

function containers(sf: ts.SourceFile): Container[] {
  const found: Container[] = [];
  for (const statement of sf.statements) {
    if (ts.isEnumDeclaration(statement)) found.push({ name: statement.name.text, statement, members: statement.members });
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    const [only, ...rest] = statement.declarationList.declarations;
    const init = only?.initializer;
    if (rest.length > 0 || !only || !ts.isIdentifier(only.name) || !init || !ts.isAsExpression(init) || init.type.getText(sf) !== 'const') continue;
    if (ts.isObjectLiteralExpression(init.expression)) found.push({ name: only.name.text, statement, members: init.expression.properties });
  }
  return found;
}

function holdsKey(member: ts.Node, key: string): boolean {
  if (!ts.isEnumMember(member) && !ts.isPropertyAssignment(member)) return false;
  const init = member.initializer;
  return init !== undefined && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) && init.text === key;
}

function memberName(member: ts.Node): string | undefined {
  const name = (member as Member).name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
}

/** `B = A` inside the enum itself reads `A` without the enum's name. */
function mentionedByMember(container: Container, member: ts.Node, name: string): boolean {
  return container.members.some((m) => m !== member && new RegExp(`\\b${name}\\b`).test((m as Member).initializer?.getText() ?? ''));
}

/** Every mention of the container in its own file and in the files importing it. */
function containerUses(file: string, name: string, texts: Map<string, string>): ContainerUses {
  const uses: ContainerUses = { members: new Map() , other: 0 };
  const text = texts.get(file);
  if (text !== undefined) countMentions(file, text, name, undefined, uses);
  for (const use of usersOf(file, name, texts)) {
    if (use.kind === 'import') countMentions(use.file, texts.get(use.file)!, use.local, undefined, uses);
    else if (use.kind === 'namespace') countMentions(use.file, texts.get(use.file)!, use.local, name, uses);
    else uses.opaque ??= `is ${describeUse(use)}`;
  }
  return uses;
}

/** Mentions of `local` (or of `local.via` when `local` is a namespace) in one file. */
function countMentions(file: string, text: string, local: string, via: string | undefined, uses: ContainerUses): void {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === local && isReference(node) && !isBinding(node)) {
      const target = via === undefined ? node : ts.isPropertyAccessExpression(node.parent) && node.parent.name.text === via ? node.parent : undefined;
      if (via !== undefined && !target && !ts.isPropertyAccessExpression(node.parent)) uses.opaque ??= `is used as a whole in ${file}`;
      if (target) classify(target, file, uses);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

function classify(node: ts.Node, file: string, uses: ContainerUses): void {
  const parent = node.parent;
  const count = (member: string) => uses.members.set(member, (uses.members.get(member) ?? 0) + 1);
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) count(parent.name.text);
  else if (ts.isElementAccessExpression(parent) && parent.expression === node && ts.isStringLiteralLike(parent.argumentExpression)) count(parent.argumentExpression.text);
  else if (ts.isQualifiedName(parent) && parent.left === node) count(parent.right.text);
  else if (ts.isTypeReferenceNode(parent) || ts.isExportSpecifier(parent)) uses.other++;
  else uses.opaque ??= `is used as a whole in ${file}:${ts.getLineAndCharacterOfPosition(node.getSourceFile(), node.getStart()).line + 1}`;
}

function isBinding(node: ts.Identifier): boolean {
  const parent = node.parent;
  return ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ((ts.isEnumDeclaration(parent) || ts.isVariableDeclaration(parent)) && parent.name === node);
}

/** The member with its comma, and its whole lines (leading comments too) when it owns them. */
function memberEdit(sf: ts.SourceFile, member: ts.Node, container: Container): Edit {
  const text = sf.text;
  const start = member.getStart(sf);
  let end = member.getEnd();
  const comma = /^\s*,/.exec(text.slice(end));
  if (comma) end += comma[0].length;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  if (text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '') {
    const comments = ts.getLeadingCommentRanges(text, member.getFullStart()) ?? [];
    const first = comments[0] ? text.lastIndexOf('\n', comments[0].pos - 1) + 1 : lineStart;
    return { start: Math.min(first, lineStart), end: lineEnd, text: '' };
  }
  if (comma) return { start, end: end + (/^[ \t]*/.exec(text.slice(end))?.[0].length ?? 0), text: '' };
  const index = container.members.indexOf(member);
  const previous = index > 0 ? container.members[index - 1] : undefined;
  return { start: previous ? previous.getEnd() : start, end: member.getEnd(), text: '' };
}

/** The emptied container's declaration, and its imports in other files. */
function removeContainer(sf: ts.SourceFile, container: Container, texts: Map<string, string>): Map<string, Edit[]> {
  const edits = new Map<string, Edit[]>();
  const { start, end } = lines(sf, container.statement);
  edits.set(sf.fileName, [{ start, end, text: '' }]);
  for (const use of usersOf(sf.fileName, container.name, texts)) {
    if (use.kind !== 'import') continue;
    const other = ts.createSourceFile(use.file, texts.get(use.file)!, ts.ScriptTarget.Latest, true, scriptKind(use.file));
    for (const statement of other.statements) {
      const edit = ts.isImportDeclaration(statement) ? importEdit(other, statement, use.local) : undefined;
      if (edit) edits.set(use.file, [...(edits.get(use.file) ?? []), edit.edit]);
    }
  }
  return edits;
}

function lines(sf: ts.SourceFile, node: ts.Node): { start: number; end: number } {
  const start = sf.text.lastIndexOf('\n', node.getStart(sf) - 1) + 1;
  const newline = sf.text.indexOf('\n', node.getEnd());
  let end = newline === -1 ? sf.text.length : newline + 1;
  if (start === 0 || sf.text.slice(start - 2, start) === '\n\n') end += /^[ \t]*\n?/.exec(sf.text.slice(end))![0].length;
  return { start, end };
}

function applyAll(text: string, edits: Edit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

function mentionsKey(text: string, key: string): boolean {
  return text.includes(`'${key}'`) || text.includes(`"${key}"`) || text.includes(`\`${key}\``);
}

function leftover(sf: ts.SourceFile, node: ts.Node, name: string, reason: string): Leftover {
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return { file: sf.fileName, line: line + 1, col: character + 1, name, reason };
}
