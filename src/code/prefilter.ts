import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { walkGlobs } from './walk.js';

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
const CODE_FILE = /\.(?:ts|tsx|js|jsx|mts|cts)$/;
const DECLARATION_FILE = /\.d\.[mc]?ts$/;

/** Every file the config's globs select, sorted; only the code extensions count. */
export async function listCodeFiles(cwd: string, include: string[], exclude: string[]): Promise<string[]> {
  const found = walkGlobs(cwd, include, exclude) ?? (await glob(include, { cwd, ignore: exclude, onlyFiles: true, dot: false }));
  return found.filter((f) => CODE_FILE.test(f) && !DECLARATION_FILE.test(f)).sort();
}

/** Thousands are made per scan, so the lazy text lives on the prototype, not in a closure per file. */
class LazyCodeFile implements CodeFile {
  #text: string | undefined;
  #bytes: Buffer | undefined;

  constructor(readonly path: string, readonly absolute: string, bytes: Buffer | undefined) {
    this.#bytes = bytes;
  }

  get text(): string {
    if (this.#text === undefined) {
      this.#text = (this.#bytes ?? readFileSync(this.absolute)).toString('utf8');
      this.#bytes = undefined;
    }
    return this.#text;
  }
}

export function codeFile(p: string, absolute: string, bytes?: Buffer): CodeFile {
  return new LazyCodeFile(p, absolute, bytes);
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
 * One pass over every file: each is read (open, read, close; no `fstat`, as a short read is the end
 * of a regular file) into a shared arena behind the previous one, a zero byte between them. A full
 * arena is viewed as latin1 once and searched by one global regex; a match marks its file a
 * candidate and the search skips to the next file. Nothing is allocated per file, so the garbage
 * collector stays idle; only candidates keep their bytes, other files are re-read if a later step
 * (the codemod) wants their text.
 */
export function prefilterFiles(cwd: string, paths: string[], pattern: RegExp | undefined): Prefiltered {
  const base = path.resolve(cwd) + path.sep;
  const absolutes = paths.map((p) => base + p);
  const kept = new Map<number, Buffer>();
  const reader = { buffer: Buffer.allocUnsafe(ARENA) };
  const ends: number[] = [];
  let first = 0;
  const flush = (next: number) => {
    if (pattern) {
      searchArena(reader.buffer, ends, pattern, (k) => kept.set(first + k, Buffer.from(reader.buffer.subarray(k === 0 ? 0 : ends[k - 1]! + 1, ends[k]!))));
    }
    first = next;
    ends.length = 0;
  };
  for (let i = 0; i < paths.length; i++) {
    let at = ends.length === 0 ? 0 : ends[ends.length - 1]! + 1;
    let size = readInto(absolutes[i]!, reader.buffer, at);
    if (size === undefined) {
      flush(i);
      at = 0;
      size = readWhole(absolutes[i]!, reader);
    }
    reader.buffer[at + size] = 0;
    ends.push(at + size);
  }
  flush(paths.length);
  const files = paths.map((p, i) => codeFile(p, absolutes[i]!, kept.get(i)));
  return { files, candidates: [...kept.keys()].sort((x, y) => x - y).map((i) => files[i]!) };
}

const ARENA = 4 << 20;

/** Calls `hit(k)` once for each file `k` of the arena (ending at `ends[k]`) the pattern matches in. */
function searchArena(buffer: Buffer, ends: number[], pattern: RegExp, hit: (k: number) => void): void {
  if (ends.length === 0) return;
  const text = buffer.toString('latin1', 0, ends[ends.length - 1]!);
  let k = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    while (ends[k]! <= match.index) k++;
    hit(k);
    pattern.lastIndex = ends[k]! + 1;
  }
}

/** Reads a file at `at`; undefined when it may not fit in the room left. */
function readInto(absolute: string, buffer: Buffer, at: number): number | undefined {
  const fd = openSync(absolute, 'r');
  try {
    const room = buffer.length - at;
    const read = readSync(fd, buffer, at, room, 0);
    return read < room ? read : undefined;
  } finally {
    closeSync(fd);
  }
}

/** Reads a whole file at the start of `reader.buffer`, growing it as needed (one byte to spare). */
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
  const pattern = prefilterPattern(names);
  if (!pattern) return () => false;
  return (text) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  };
}

/** The prefilter as one global regex (for `prefilterFiles`); undefined when nothing can read a flag. */
export function prefilterPattern(names: PrefilterNames): RegExp | undefined {
  // Callers may pass latin1-decoded bytes: every name is ASCII, so matches are the same.
  const calls = names.calls.map(escape);
  const parts = [
    calls.length ? `\\b(?:${calls.join('|')})\\s*(?:[(<]|\\?\\.|/[/*])` : '',
    names.jsxComponents.length ? `<(?:${names.jsxComponents.map(escape).join('|')})\\b` : '',
    names.accessors.length ? `\\b(?:${names.accessors.map(escape).join('|')})\\b` : '',
  ].filter(Boolean);
  return parts.length === 0 ? undefined : new RegExp(parts.join('|'), 'g');
}

const IMPORT_PATTERN = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g;

/** Relative module specifiers a file imports or re-exports, read from its text. */
export function relativeImports(text: string): string[] {
  return [...text.matchAll(IMPORT_PATTERN)].map((m) => m[1]!);
}

/**
 * The file a relative specifier names, among `known` paths, in TypeScript's order (`Bundler`
 * resolution with `allowJs`, which agrees with `NodeNext` wherever that resolves at all):
 * TypeScript and declaration files before JavaScript ones, as a file before as a folder's `index`.
 * So `./c.js` is `c.ts` when both exist, `./c.mjs` is `c.mts`, `./c.jsx` is `c.tsx`, and `./c` is
 * `c.js` before `c/index.ts`. A folder's `package.json` is not read.
 */
export function resolveRelative(from: string, specifier: string, known: (p: string) => boolean): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const folder = base.replace(/\/$/, '');
  const files = specifier.endsWith('/') ? [] : [...fileCandidates(base, 'ts'), ...fileCandidates(base, 'js')];
  const indexes = [...ADDED.ts, ...ADDED.js].map((e) => `${folder}/index${e}`);
  return files.find(known) ?? indexes.find(known);
}

/** Extensions tried after a specifier's own one is taken off, per pass (TypeScript's `tryAddingExtensions`). */
const REPLACED: { pattern: RegExp; ts: string[]; js: string[] }[] = [
  { pattern: /\.(?:d\.mts|mts|mjs)$/, ts: ['.mts', '.d.mts'], js: ['.mjs'] },
  { pattern: /\.(?:d\.cts|cts|cjs)$/, ts: ['.cts', '.d.cts'], js: ['.cjs'] },
  { pattern: /\.(?:tsx|jsx)$/, ts: ['.tsx', '.ts', '.d.ts'], js: ['.jsx', '.js'] },
  { pattern: /\.(?:d\.ts|ts|js)$/, ts: ['.ts', '.tsx', '.d.ts'], js: ['.js', '.jsx'] },
];
/** Extensions added to a specifier as written (`./c`, `./c.service`). */
const ADDED = { ts: ['.ts', '.tsx', '.d.ts'], js: ['.js', '.jsx'] };

function fileCandidates(base: string, pass: 'ts' | 'js'): string[] {
  const replaced = REPLACED.find((r) => r.pattern.test(base));
  const stem = replaced ? base.replace(replaced.pattern, '') : undefined;
  return [...(replaced && stem ? replaced[pass].map((e) => stem + e) : []), ...ADDED[pass].map((e) => base + e)];
}

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
