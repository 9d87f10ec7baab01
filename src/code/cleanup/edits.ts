import { ts } from 'ts-morph';

/** A text replacement; `seed` marks the new text as produced by the change (simplify it further). */
export interface Edit {
  start: number;
  end: number;
  text: string;
  seed?: boolean;
}

export interface Span {
  start: number;
  end: number;
}

export interface Applied {
  text: string;
  seeds: Span[];
  /** Text the edits removed or replaced, to find declarations the change left unused. */
  removed: string[];
}

/** Applies non-overlapping edits and moves the seeds along with the text. */
export function applyEdits(text: string, edits: Edit[], seeds: Span[]): Applied {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let result = text;
  let moved = seeds;
  const removed: string[] = [];
  for (const edit of sorted) {
    removed.push(result.slice(edit.start, edit.end));
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    const delta = edit.text.length - (edit.end - edit.start);
    moved = moved.flatMap((s) => {
      if (s.end <= edit.start) return [s];
      if (s.start >= edit.end) return [{ start: s.start + delta, end: s.end + delta }];
      return [];
    });
    if (edit.seed) moved.push({ start: edit.start, end: edit.start + edit.text.length });
  }
  return { text: result, seeds: moved, removed };
}

/** The node's full lines (indentation and newline included) when it owns them, else its span. */
export function statementSpan(sf: ts.SourceFile, node: ts.Node): Span {
  const start = node.getStart(sf);
  const end = node.getEnd();
  const lineStart = sf.text.lastIndexOf('\n', start - 1) + 1;
  const newline = sf.text.indexOf('\n', end);
  const lineEnd = newline === -1 ? sf.text.length : newline + 1;
  const ownsLines = sf.text.slice(lineStart, start).trim() === '' && sf.text.slice(end, lineEnd).trim() === '';
  return ownsLines ? { start: lineStart, end: lineEnd } : { start, end };
}

/** Removes a statement with its lines, and a blank line it leaves doubled. */
export function removeStatement(sf: ts.SourceFile, node: ts.Node): Edit {
  const span = statementSpan(sf, node);
  if (span.end < sf.text.length || span.start > 0) {
    const before = sf.text.slice(Math.max(0, span.start - 2), span.start);
    const after = sf.text.slice(span.end, sf.text.indexOf('\n', span.end) + 1);
    if ((before === '\n\n' || span.start === 0) && after.trim() === '' && after.length > 0) return { start: span.start, end: span.end + after.length, text: '' };
  }
  return { start: span.start, end: span.end, text: '' };
}

export function indentOf(text: string, pos: number): string {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/**
 * The statements of a block as text re-indented to `indent` (they move out of the block), each
 * line shifted by the same amount so nested code keeps its shape.
 */
export function unwrapStatements(sf: ts.SourceFile, statements: readonly ts.Statement[], indent: string): string {
  const first = statements[0];
  const last = statements[statements.length - 1];
  if (!first || !last) return '';
  const from = sf.text.lastIndexOf('\n', first.getStart(sf) - 1) + 1;
  const body = sf.text.slice(from, last.getEnd());
  const inner = indentOf(sf.text, first.getStart(sf));
  return body
    .split('\n')
    .map((line) => (line.startsWith(inner) ? indent + line.slice(inner.length) : line))
    .join('\n');
}

/** The outermost node spanning exactly `span`. */
export function nodeAt(sf: ts.SourceFile, span: Span): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const start = node.getStart(sf);
    if (start === span.start && node.getEnd() === span.end && node.kind !== ts.SyntaxKind.SyntaxList) {
      found = node;
      return;
    }
    if (start <= span.start && node.getEnd() >= span.end) ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  return found;
}
