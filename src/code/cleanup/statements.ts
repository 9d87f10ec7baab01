import { ts } from 'ts-morph';
import { indentOf, removeStatement, statementSpan, unwrapStatements, type Edit } from './edits.js';

/**
 * `if (true) A else B` → A, `if (false) A else B` → B (or nothing). The kept branch's statements
 * move out of their block unless their declarations would collide with the enclosing scope;
 * when the kept branch always exits, the statements after it are dead and go too.
 */
export function simplifyStatement(sf: ts.SourceFile, statement: ts.IfStatement, truthy: boolean): Edit[] {
  const kept = truthy ? statement.thenStatement : statement.elseStatement;
  if (!kept) return [removeStatement(sf, statement)];
  const span = statementSpan(sf, statement);
  const ownsLines = span.start !== statement.getStart(sf);
  const indent = indentOf(sf.text, statement.getStart(sf));
  const all = ts.isBlock(kept) ? kept.statements : [kept];
  const unwraps = ts.isBlock(kept) && !collides(kept, statement);
  const end = exits(all[all.length - 1]) ? deadCodeEnd(sf, statement) : undefined;
  // A bare `return;` that would end up last in its function says nothing: leave it out.
  const statements = unwraps && ownsLines && endsFunction(statement, end !== undefined) && isBareReturn(all[all.length - 1]) ? all.slice(0, -1) : all;
  let body: string;
  if (ts.isBlock(kept) && !unwraps) body = indent + kept.getText(sf);
  else body = ts.isBlock(kept) ? unwrapStatements(sf, statements, indent) : indent + kept.getText(sf);
  if (!ownsLines) return [{ start: statement.getStart(sf), end: statement.getEnd(), text: body.trimStart() }];
  if (statements.length === 0) {
    const removal = removeStatement(sf, statement);
    return [end === undefined ? removal : { ...removal, end }];
  }
  return [{ start: span.start, end: end ?? span.end, text: `${body}\n` }];
}

function isBareReturn(statement: ts.Statement | undefined): boolean {
  return statement !== undefined && ts.isReturnStatement(statement) && statement.expression === undefined;
}

/** True when nothing follows `statement` in its function's body (or what follows is dead and goes). */
function endsFunction(statement: ts.Statement, restIsDead: boolean): boolean {
  const block = statement.parent;
  if (!ts.isBlock(block) || !ts.isFunctionLike(block.parent)) return false;
  return restIsDead || block.statements[block.statements.length - 1] === statement;
}

function exits(statement: ts.Statement | undefined): boolean {
  return statement !== undefined && (ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || ts.isBreakStatement(statement) || ts.isContinueStatement(statement));
}

/** Where the unreachable statements after `statement` end; undefined when none can go. */
function deadCodeEnd(sf: ts.SourceFile, statement: ts.Statement): number | undefined {
  const parent = statement.parent;
  if (!ts.isBlock(parent) && !ts.isSourceFile(parent) && !ts.isCaseClause(parent) && !ts.isDefaultClause(parent)) return undefined;
  const siblings = parent.statements;
  const after = siblings.slice(siblings.indexOf(statement) + 1);
  const last = after[after.length - 1];
  if (!last || after.some((s) => ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s))) return undefined;
  return statementSpan(sf, last).end;
}

/** True when unwrapping the block would redeclare a name in the enclosing scope. */
function collides(block: ts.Block, statement: ts.Statement): boolean {
  const inner = declaredNames(block.statements);
  if (inner.size === 0) return false;
  const container = statement.parent;
  const outer = ts.isBlock(container) || ts.isSourceFile(container) ? declaredNames(container.statements.filter((s) => s !== statement)) : new Set<string>();
  return [...inner].some((name) => outer.has(name));
}

function declaredNames(statements: readonly ts.Statement[]): Set<string> {
  const names = new Set<string>();
  for (const s of statements) {
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
    } else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name) {
      names.add(s.name.text);
    }
  }
  return names;
}
