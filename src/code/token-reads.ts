import { ts } from 'ts-morph';
import { isName, type Tokens } from './tokens.js';

const K = ts.SyntaxKind;

/** A flag read seen in tokens: its key is a literal, or a name (`X`, `A.b.c`) bound by an import. */
export type TokenRead =
  | { kind: 'literal'; at: number; key: string; via: 'call' | 'template' }
  | { kind: 'name'; at: number; chain: string[] };

/** An import of a top-level name: `import { name as local } from 'module'` (`default`, `*`). */
export interface ImportBinding {
  module: string;
  name: string;
}

/** Tokens after which a bare `name(` is a call, never a declaration. */
const CALL_CONTEXT = new Set([
  K.EqualsToken, K.OpenParenToken, K.OpenBracketToken, K.ReturnKeyword, K.ThrowKeyword,
  K.AmpersandAmpersandToken, K.BarBarToken, K.QuestionQuestionToken, K.ColonToken,
  K.EqualsGreaterThanToken, K.AtToken, K.TemplateHead, K.TemplateMiddle, K.TypeOfKeyword, K.VoidKeyword,
  K.CaseKeyword, K.PlusToken, K.MinusToken, K.EqualsEqualsEqualsToken, K.ExclamationEqualsEqualsToken,
  K.EqualsEqualsToken, K.ExclamationEqualsToken, K.BarBarEqualsToken, K.AmpersandAmpersandEqualsToken, K.QuestionQuestionEqualsToken,
]);
/**
 * After `x?` or `x!` ending a class property, `name(p) {…}` declares a method; elsewhere they
 * precede calls. A method's parameter is never a literal, so with a literal key it is a call.
 */
const CALL_WITH_LITERAL = new Set([K.QuestionToken, K.ExclamationToken]);
/** Where a class, interface or object member may start: `name(…): T` there declares a method. */
const MEMBER_START = new Set([K.OpenBraceToken, K.SemicolonToken, K.CloseBraceToken]);

/**
 * Every call to a configured name in a tokenized file, with its first argument when that is a
 * literal or a dotted name. Undefined as soon as one call's shape needs the parser (type
 * arguments, a computed key, a callee it cannot place): the caller parses the file instead.
 */
export function tokenReads(tokens: Tokens, calls: Set<string>): TokenRead[] | undefined {
  const { kinds, values } = tokens;
  const reads: TokenRead[] = [];
  for (let i = 0; i < kinds.length; i++) {
    if (!calls.has(values[i]!) || !isName(kinds[i])) continue;
    let open = i + 1;
    if (kinds[open] === K.QuestionDotToken) open++;
    if (kinds[open] === K.LessThanToken) return undefined;
    if (kinds[open] !== K.OpenParenToken) continue;
    const callee = calleeKind(tokens, i, open);
    if (callee !== 'call') {
      if (callee === undefined) return undefined;
      continue;
    }
    const read = firstArgument(tokens, open + 1);
    if (read === undefined) return undefined;
    if (read) reads.push(read);
  }
  return reads;
}

/** `call` for a call expression, `none` for `new name(…)` or a declaration, undefined when unsure. */
function calleeKind(tokens: Tokens, name: number, open: number): 'call' | 'none' | undefined {
  const { kinds } = tokens;
  if (isDot(kinds[name - 1])) return chainStart(tokens, name - 2);
  const before = kinds[name - 1];
  if (before === K.NewKeyword || before === K.FunctionKeyword) return 'none';
  if (before !== undefined && CALL_CONTEXT.has(before)) return 'call';
  const literal = kinds[open + 1] === K.StringLiteral || kinds[open + 1] === K.NoSubstitutionTemplateLiteral;
  if (before !== undefined && CALL_WITH_LITERAL.has(before) && literal) return 'call';
  const after = kinds[closing(tokens, open) + 1];
  if ((before === undefined || MEMBER_START.has(before)) && after === K.ColonToken) return 'none';
  return undefined;
}

/** Walks a member chain `a.b.c` back to its start: `new a.b.c(…)` is not a call. */
function chainStart(tokens: Tokens, at: number): 'call' | 'none' | undefined {
  const { kinds } = tokens;
  let i = at;
  for (;;) {
    if (kinds[i] === K.CloseParenToken) return kinds[tokens.opens[i]! - 1] === K.NewKeyword ? 'none' : 'call';
    if (!isName(kinds[i]) && kinds[i] !== K.PrivateIdentifier) return undefined;
    if (!isDot(kinds[i - 1])) return kinds[i - 1] === K.NewKeyword ? 'none' : 'call';
    i -= 2;
  }
}

function closing(tokens: Tokens, open: number): number {
  for (let i = open + 1; i < tokens.kinds.length; i++) if (tokens.opens[i] === open) return i;
  return tokens.kinds.length;
}

/** The read a call's first argument makes; null for none (no argument, a spread); undefined when unsure. */
function firstArgument(tokens: Tokens, at: number): TokenRead | null | undefined {
  const { kinds, values } = tokens;
  const ends = (i: number) => kinds[i] === K.CommaToken || kinds[i] === K.CloseParenToken;
  const kind = kinds[at];
  if (kind === K.CloseParenToken || kind === K.DotDotDotToken) return null;
  if ((kind === K.StringLiteral || kind === K.NoSubstitutionTemplateLiteral) && ends(at + 1)) {
    return { kind: 'literal', at, key: values[at]!, via: kind === K.StringLiteral ? 'call' : 'template' };
  }
  if (kind !== K.Identifier) return undefined;
  const chain = [values[at]!];
  let i = at + 1;
  for (; kinds[i] === K.DotToken && isName(kinds[i + 1]); i += 2) chain.push(values[i + 1]!);
  return ends(i) ? { kind: 'name', at, chain } : undefined;
}

function isDot(kind: ts.SyntaxKind | undefined): boolean {
  return kind === K.DotToken || kind === K.QuestionDotToken;
}

/**
 * The import binding of each name a read starts with, when syntax proves the read sees it: the
 * file imports the name once at the top, and every other mention of it is such a read or a
 * property name (`x.name`). Names left out are for the parser and the checker.
 */
export function importedNames(tokens: Tokens, reads: TokenRead[]): Map<string, ImportBinding> {
  const heads = new Map<string, Set<number>>();
  for (const read of reads) {
    if (read.kind !== 'name') continue;
    const head = read.chain[0]!;
    heads.set(head, (heads.get(head) ?? new Set()).add(read.at));
  }
  const imports = topLevelImports(tokens, new Set(heads.keys()));
  const bound = new Map<string, ImportBinding>();
  for (const [name, uses] of heads) {
    const binding = imports.get(name);
    if (binding && everyMentionExplained(tokens, name, uses, binding.at)) bound.set(name, { module: binding.module, name: binding.name });
  }
  return bound;
}

function everyMentionExplained(tokens: Tokens, name: string, uses: Set<number>, declaredAt: number): boolean {
  const { kinds, values } = tokens;
  for (let i = 0; i < kinds.length; i++) {
    if (values[i] !== name || kinds[i] !== K.Identifier || i === declaredAt || uses.has(i) || isDot(kinds[i - 1])) continue;
    return false;
  }
  return true;
}

/** `import a, { b as c } from './m'` and `import * as d from './m'` at the top level; nothing else. */
function topLevelImports(tokens: Tokens, wanted: Set<string>): Map<string, ImportBinding & { at: number }> {
  const { kinds, values } = tokens;
  const found = new Map<string, ImportBinding & { at: number }>();
  for (const i of tokens.topImports) {
    if (kinds[i + 1] === K.OpenParenToken || kinds[i + 1] === K.DotToken) continue;
    const clause = importClause(tokens, i + 1);
    if (!clause) continue;
    for (const local of clause.locals) {
      if (!wanted.has(values[local.at]!)) continue;
      // Bound twice: the second mention stays unexplained, so the name goes to the parser.
      if (!found.has(values[local.at]!)) found.set(values[local.at]!, { module: clause.module, name: local.name, at: local.at });
    }
  }
  return found;
}

function importClause(tokens: Tokens, start: number): { module: string; locals: { at: number; name: string }[] } | undefined {
  const { kinds, values } = tokens;
  const locals: { at: number; name: string }[] = [];
  let i = start;
  if (kinds[i] === K.Identifier && (kinds[i + 1] === K.CommaToken || kinds[i + 1] === K.FromKeyword)) {
    locals.push({ at: i, name: 'default' });
    i += kinds[i + 1] === K.CommaToken ? 2 : 1;
  }
  if (kinds[i] === K.AsteriskToken && kinds[i + 1] === K.AsKeyword && kinds[i + 2] === K.Identifier) {
    locals.push({ at: i + 2, name: '*' });
    i += 3;
  } else if (kinds[i] === K.OpenBraceToken) {
    for (i++; kinds[i] !== K.CloseBraceToken; i++) {
      if (kinds[i] === K.Identifier && (kinds[i + 1] === K.CommaToken || kinds[i + 1] === K.CloseBraceToken)) {
        locals.push({ at: i, name: values[i]! });
      } else if (isName(kinds[i]) && kinds[i] !== K.TypeKeyword && kinds[i + 1] === K.AsKeyword && kinds[i + 2] === K.Identifier) {
        locals.push({ at: i + 2, name: values[i]! });
        i += 2;
      } else {
        return undefined;
      }
      if (kinds[i + 1] === K.CommaToken) i++;
    }
    i++;
  }
  if (kinds[i] !== K.FromKeyword || kinds[i + 1] !== K.StringLiteral) return undefined;
  return { module: values[i + 1]!, locals };
}
