import { ts } from 'ts-morph';

const K = ts.SyntaxKind;

/** A file's tokens as the parser sees them, in parallel arrays (cheaper than objects). */
export interface Tokens {
  text: string;
  kinds: ts.SyntaxKind[];
  starts: number[];
  /** Identifier names and literal values; '' for everything else. */
  values: string[];
  /** For a `)`, the index of its `(` (holes elsewhere). */
  opens: number[];
  /** Indices of `import` keywords outside any braces: where import declarations may start. */
  topImports: number[];
}

/** Identifiers and keywords: anything that may name a property or, contextually, a binding. */
export function isName(kind: ts.SyntaxKind | undefined): boolean {
  return kind === K.Identifier || (kind !== undefined && kind >= K.FirstKeyword && kind <= K.LastKeyword);
}

const CONTROL = new Set([K.IfKeyword, K.WhileKeyword, K.ForKeyword, K.WithKeyword]);
const VALUE_END = new Set([
  K.Identifier, K.StringLiteral, K.NumericLiteral, K.BigIntLiteral, K.RegularExpressionLiteral, K.NoSubstitutionTemplateLiteral,
  K.TemplateTail, K.CloseBracketToken, K.ThisKeyword, K.SuperKeyword, K.NullKeyword, K.TrueKeyword, K.FalseKeyword,
]);
const BEFORE_EXPRESSION = new Set([
  K.ReturnKeyword, K.TypeOfKeyword, K.InstanceOfKeyword, K.InKeyword, K.NewKeyword, K.DeleteKeyword,
  K.VoidKeyword, K.ThrowKeyword, K.CaseKeyword, K.DoKeyword, K.ElseKeyword,
]);
/** After these a `/` could start either a regular expression or a division: the parser decides. */
const AMBIGUOUS = new Set([K.CloseBraceToken, K.GreaterThanToken, K.PlusPlusToken, K.MinusMinusToken, K.ExclamationToken]);

let failed = false;
const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, undefined, () => { failed = true; });

/**
 * Tokenizes a `.ts` file the way the parser would, without building a tree: template literals are
 * re-scanned at their `}` and a `/` is a regular expression or a division by what precedes it.
 * Returns undefined where only the parser can tell (a `/` after `}` or `>`, a scan error), and
 * the caller parses instead. Not for JSX, whose text the scanner cannot see without the parser.
 */
export function tokenize(text: string): Tokens | undefined {
  failed = false;
  scanner.setText(text);
  const tokens: Tokens = { text, kinds: [], starts: [], values: [], opens: [], topImports: [] };
  const { kinds, opens } = tokens;
  const parens: number[] = [];
  const braces: boolean[] = [];
  // `)` closing `if (…)` and the like: a `/` after it starts a regular expression. After `await (…)`
  // it depends on whether `await` is a keyword there.
  const closes = new Map<number, boolean | undefined>();
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    const index = kinds.length;
    if (kind === K.SlashToken || kind === K.SlashEqualsToken) {
      const regex = kinds[index - 1] === K.CloseParenToken ? closes.get(index - 1) : startsRegex(kinds[index - 1]);
      if (regex === undefined) return undefined;
      if (regex) kind = scanner.reScanSlashToken();
    } else if (kind === K.CloseBraceToken) {
      const substitution = braces.pop();
      if (substitution === undefined) return undefined;
      if (substitution) kind = scanner.reScanTemplateToken(false);
      if (kind === K.TemplateMiddle) braces.push(true);
    } else if (kind === K.OpenBraceToken || kind === K.TemplateHead) {
      braces.push(kind === K.TemplateHead);
    } else if (kind === K.OpenParenToken) {
      parens.push(index);
    } else if (kind === K.CloseParenToken) {
      const open = parens.pop();
      if (open === undefined) return undefined;
      opens[index] = open;
      const before = kinds[open - 1];
      closes.set(index, before === K.AwaitKeyword ? undefined : before !== undefined && CONTROL.has(before));
    } else if (kind === K.ImportKeyword && braces.length === 0) {
      tokens.topImports.push(index);
    }
    kinds.push(kind);
    tokens.starts.push(scanner.getTokenStart());
    tokens.values.push(hasValue(kind) ? scanner.getTokenValue() : '');
  }
  return failed || braces.length > 0 || parens.length > 0 ? undefined : tokens;
}

function hasValue(kind: ts.SyntaxKind): boolean {
  return isName(kind) || kind === K.StringLiteral || kind === K.NoSubstitutionTemplateLiteral;
}

/** Whether a `/` after `previous` starts a regular expression; undefined when syntax alone cannot say. */
function startsRegex(previous: ts.SyntaxKind | undefined): boolean | undefined {
  if (previous === undefined) return true;
  if (VALUE_END.has(previous)) return false;
  if (BEFORE_EXPRESSION.has(previous)) return true;
  if (AMBIGUOUS.has(previous) || isName(previous)) return undefined;
  return true;
}
