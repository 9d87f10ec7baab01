import { readdirSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';

/** The options tinyglobby gives picomatch by default (`dot: false`). */
const MATCH_OPTIONS = { dot: false, nobrace: false, nocase: false, noextglob: false, noglobstar: false, posix: true };

/** Patterns the walk can take: relative, no negation, no parent segments, no escapes. */
const PLAIN = /^(?![!/])(?!.*(?:^|\/)\.\.(?:\/|$))[^\\]+$/;

class SymlinkFound extends Error {}

/**
 * The files `include` selects under `cwd`, minus `exclude`, matched as tinyglobby matches them
 * (a pattern not ending in `*` also selects what is under it as a folder; an excluded folder is
 * not entered) but walked with one synchronous `readdir` per folder, several times cheaper on big
 * trees. Undefined when a pattern or a symbolic link needs tinyglobby's fuller handling.
 */
export function walkGlobs(cwd: string, include: string[], exclude: string[]): string[] | undefined {
  const patterns = include.filter(Boolean);
  const ignored = exclude.filter(Boolean);
  if (![...patterns, ...ignored].every((p) => PLAIN.test(p))) return undefined;
  const normalized = patterns.map(normalize);
  const matches = picomatch(normalized, MATCH_OPTIONS);
  const ignores = ignored.length > 0 ? picomatch(ignored.map(normalize), MATCH_OPTIONS) : () => false;
  // `*` never enters a dot folder; only a pattern naming one needs them walked.
  const enterDots = normalized.some((p) => /(?:^|\/)\./.test(p));
  const found = new Set<string>();
  const visit = (relative: string, only?: string): void => {
    const dir = relative === '' ? cwd : path.join(cwd, relative);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (only !== undefined && entry.name !== only) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isSymbolicLink()) throw new SymlinkFound();
      if (entry.isDirectory()) {
        if ((enterDots || entry.name[0] !== '.') && !ignores(child)) visit(child);
      } else if (matches(child) && !ignores(child)) {
        found.add(child);
      }
    }
  };
  try {
    for (const root of roots(normalized)) if (root.base === '' || !ignores(root.base)) visitIfDirectory(() => visit(root.base, root.only));
  } catch (error) {
    if (error instanceof SymlinkFound) return undefined;
    throw error;
  }
  return [...found];
}

function visitIfDirectory(visit: () => void): void {
  try {
    visit();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  }
}

function normalize(pattern: string): string {
  const trimmed = pattern.endsWith('/') ? pattern.slice(0, -1) : pattern;
  return path.posix.normalize(trimmed.endsWith('*') ? trimmed : `${trimmed}/**`);
}

/**
 * Where each pattern's walk starts: its leading static folders. A pattern ending in a static name
 * and `/**` (a folder, or a file) starts in the parent, looking at that one entry.
 */
function roots(patterns: string[]): { base: string; only?: string }[] {
  const found = new Map<string, { base: string; only?: string }>();
  for (const pattern of patterns) {
    const parts = pattern.split('/');
    const fixed: string[] = [];
    while (fixed.length < parts.length - 1 && !picomatch.scan(parts[fixed.length]!).isGlob) fixed.push(parts[fixed.length]!);
    const trailing = fixed.length === parts.length - 1 && parts[parts.length - 1] === '**' && fixed.length > 0;
    const only = trailing ? fixed.pop() : undefined;
    const base = fixed.join('/') === '.' ? '' : fixed.join('/');
    found.set(`${base}\0${only ?? ''}`, { base, only });
  }
  return [...found.values()];
}
