import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';

/** A code file read once and shared by the prefilter, the parser and the codemod. */
export interface CodeFile {
  /** Relative to the project root, posix separators. */
  path: string;
  absolute: string;
  /** The text, decoded on first use (most files are never parsed). */
  readonly text: string;
}

export interface PrefilterNames {
  calls: string[];
  jsxComponents: string[];
  /** Exported names of generated accessors (`flags codegen`), e.g. `flagKeys`. */
  accessors: string[];
}

export const CODE_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mts', '.cts'];

/** Every file the config's globs select, sorted; only the code extensions count. */
export async function listCodeFiles(cwd: string, include: string[], exclude: string[]): Promise<string[]> {
  const found = await glob(include, { cwd, ignore: exclude, onlyFiles: true, dot: false });
  return found.filter((f) => CODE_EXTENSIONS.includes(path.extname(f)) && !f.endsWith('.d.ts')).sort();
}

export function codeFile(p: string, absolute: string, bytes?: Buffer): CodeFile {
  let text: string | undefined;
  return { path: p, absolute, get text() { return (text ??= (bytes ?? readFileSync(absolute)).toString('utf8')); } };
}

/** Reads synchronously: for thousands of small files one thread beats the pool's round trips (10× here). */
export function readCodeFiles(cwd: string, paths: string[]): CodeFile[] {
  return paths.map((p) => {
    const absolute = path.resolve(cwd, p);
    return codeFile(p, absolute, readFileSync(absolute));
  });
}

export interface Prefiltered {
  files: CodeFile[];
  /** Files the test accepts; their bytes are kept. */
  candidates: CodeFile[];
}

/**
 * One pass over every file through a single reused buffer: open, read, close (no `fstat`: a read
 * shorter than the buffer is the end of a regular file), then one combined test over the bytes
 * viewed as latin1, so nothing is decoded or kept per file and the garbage collector stays idle.
 * Only candidates keep their bytes; other files are re-read if a later step (the codemod) wants
 * their text.
 */
export function prefilterFiles(cwd: string, paths: string[], accepts: (latin1: string) => boolean): Prefiltered {
  const reader = { buffer: Buffer.allocUnsafe(1 << 20) };
  const result: Prefiltered = { files: [], candidates: [] };
  for (const p of paths) {
    const absolute = path.resolve(cwd, p);
    const size = readWhole(absolute, reader);
    const hit = accepts(reader.buffer.toString('latin1', 0, size));
    const file = codeFile(p, absolute, hit ? Buffer.from(reader.buffer.subarray(0, size)) : undefined);
    result.files.push(file);
    if (hit) result.candidates.push(file);
  }
  return result;
}

/** Reads a whole file into `reader.buffer` (grown as needed); returns its size. */
function readWhole(absolute: string, reader: { buffer: Buffer }): number {
  const fd = openSync(absolute, 'r');
  try {
    let size = 0;
    for (;;) {
      const read = readSync(fd, reader.buffer, size, reader.buffer.length - size, size);
      size += read;
      if (read === 0 || size < reader.buffer.length) return size;
      const grown = Buffer.allocUnsafe(reader.buffer.length * 2);
      reader.buffer.copy(grown, 0, 0, size);
      reader.buffer = grown;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * A cheap text test run on every file before any parsing: does it call a flag-reading function,
 * render a flag component or use a generated accessor? Only files that pass get parsed. A name
 * counts when `(`, `<` (type arguments), `?.` or a comment follows it: looser than a call, never
 * stricter, so the parser has the last word.
 */
export function buildPrefilter(names: PrefilterNames): (text: string) => boolean {
  // Callers may pass latin1-decoded bytes: every name is ASCII, so matches are the same.
  const calls = names.calls.map(escape);
  const parts = [
    calls.length ? `\\b(?:${calls.join('|')})\\s*(?:[(<]|\\?\\.|/[/*])` : '',
    names.jsxComponents.length ? `<(?:${names.jsxComponents.map(escape).join('|')})\\b` : '',
    names.accessors.length ? `\\b(?:${names.accessors.map(escape).join('|')})\\b` : '',
  ].filter(Boolean);
  if (parts.length === 0) return () => false;
  const pattern = new RegExp(parts.join('|'));
  return (text) => pattern.test(text);
}

const IMPORT_PATTERN = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g;

/** Relative module specifiers a file imports or re-exports, read from its text. */
export function relativeImports(text: string): string[] {
  return [...text.matchAll(IMPORT_PATTERN)].map((m) => m[1]!);
}

/** The file a relative specifier names, among `known` paths (TypeScript's extension rules). */
export function resolveRelative(from: string, specifier: string, known: (p: string) => boolean): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const stem = base.replace(/\.(?:[mc]?js|jsx)$/, '');
  const candidates = [base, ...CODE_EXTENSIONS.map((e) => stem + e), ...CODE_EXTENSIONS.map((e) => `${base}/index${e}`)];
  return candidates.find(known);
}

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
