import path from 'node:path';
import { readFile, rm } from 'node:fs/promises';
import { ts } from 'ts-morph';
import { UsageError } from '../../core/errors.js';
import { unifiedFileDiff } from '../../core/line-diff.js';
import type { DynamicReference, FlagReference } from '../../core/stale/types.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { loadProject } from '../../io/project.js';
import { listCodeFiles, relativeImports, resolveRelative } from '../prefilter.js';
import { scanCode, scriptKind } from '../references.js';
import type { ReadPatterns } from '../scan.js';
import { applyEdits } from './edits.js';
import { pruneKeyMembers } from './members.js';
import { attachOutsideSources, usersOf } from './module-users.js';
import { removeOrphanExports, type Leftover, type Orphan } from './orphans.js';
import { CONVENTIONAL_CODEGEN_FILE, regenerateFlagTypes, type GeneratedFile } from './regenerate.js';
import { replaceReads, type Kept, type ManualSite } from './replace.js';
import { simplify } from './simplify.js';
import { countUses, removeUnused } from './unused.js';

export type { ManualSite } from './replace.js';
export type { Leftover } from './orphans.js';
export type { GeneratedFile } from './regenerate.js';

export interface CleanupOptions {
  cwd?: string;
  /** The flags folder; default `flags`. */
  dir?: string;
  key: string;
  /** The variation everybody keeps. */
  keep: string;
}

/** One file's change; `after` undefined when the file is deleted. */
export interface FileChange {
  file: string;
  before: string;
  after: string | undefined;
}

export interface CleanupResult {
  key: string;
  keep: string;
  value: unknown;
  changes: FileChange[];
  /** References left for a person: rewriting them could change behaviour. */
  manual: ManualSite[];
  /** Declarations the change may have left without purpose but that something may still reach. */
  leftovers: Leftover[];
  /** `flags codegen` files naming the flag: regenerated as part of the change, or the command to run. */
  generated: GeneratedFile[];
  /** Reads with unresolved keys anywhere in the code: any of them might read this flag. */
  dynamic: DynamicReference[];
  /** Every change as one unified diff. */
  diff: string;
}

/**
 * Removes a flag from the code, Piranha-style: each read becomes the kept variation's value, the
 * conditions it decided fold away with their dead branches, then the imports, constants and
 * functions only the removed code used; the flag's YAML goes too. Nothing is written; see
 * `applyCleanup`.
 *
 * @example
 * const result = await cleanupFlag({ cwd, key: 'new-pdf-engine', keep: 'on' });
 * process.stdout.write(result.diff);
 */
export async function cleanupFlag(options: CleanupOptions): Promise<CleanupResult> {
  const cwd = options.cwd ?? process.cwd();
  const project = await loadProject(options.dir ?? 'flags', { cwd });
  const flagFile = project.flags.find((f) => f.value?.key === options.key);
  if (!flagFile?.value) {
    throw new UsageError(`no flag file defines \`${options.key}\` in ${project.dir}`, { hint: 'Check the key with `flags list`; `flags stale` lists keys read in code but not defined.' });
  }
  const variations = flagFile.value.variations ?? { on: true, off: false };
  if (!(options.keep in variations)) {
    throw new UsageError(`\`${options.keep}\` is not a variation of ${options.key}`, { hint: `Pass --keep with one of: ${Object.keys(variations).join(', ')}.` });
  }
  const kept: Kept = { variation: options.keep, value: variations[options.keep] };
  const scan = await scanCode({ cwd, code: project.config.code });
  const patterns: ReadPatterns = { calls: new Set(project.config.code.calls), jsx: new Map(project.config.code.jsx.map((j) => [j.component, j.attribute])) };
  const originals = new Map([...scan.files].map(([p, f]) => [p, f.text]));
  const conventional = scan.files.has(CONVENTIONAL_CODEGEN_FILE) ? undefined : await readFile(path.resolve(cwd, CONVENTIONAL_CODEGEN_FILE), 'utf8').catch(() => undefined);
  if (conventional !== undefined) originals.set(CONVENTIONAL_CODEGEN_FILE, conventional);
  const texts = new Map(originals);
  attachOutsideSources(texts, await readOutsideSources(cwd, originals));
  const { manual, leftovers } = rewriteFiles(scan.references, options.key, kept, patterns, texts, originals);
  const withoutFlag = { ...project, flags: project.flags.filter((f) => f !== flagFile) };
  const generated = regenerateFlagTypes(texts, withoutFlag, { key: options.key, dir: options.dir ?? 'flags', manualLeft: manual.length > 0 });
  const changes: FileChange[] = [...texts]
    .filter(([p, text]) => originals.get(p) !== text)
    .map(([p, text]) => ({ file: p, before: originals.get(p)!, after: emptied(p, text, texts) ? undefined : text }));
  changes.push({ file: flagFile.file, before: await readFile(path.resolve(cwd, flagFile.file), 'utf8'), after: undefined });
  const diff = changes.map((c) => unifiedFileDiff(c.file, c.before, c.after)).join('');
  return { key: options.key, keep: options.keep, value: kept.value, changes, manual, leftovers, generated, dynamic: scan.dynamic, diff };
}

/**
 * The repository's other code (tests, scripts: whatever `code.include` leaves out). It is never
 * rewritten, but a function it imports must survive the cleanup.
 */
async function readOutsideSources(cwd: string, scanned: Map<string, string>): Promise<Map<string, string>> {
  const files = await listCodeFiles(cwd, ['**/*'], ['**/node_modules/**', '**/dist/**', '**/.git/**']);
  const outside = new Map<string, string>();
  for (const file of files) {
    if (!scanned.has(file)) outside.set(file, await readFile(path.resolve(cwd, file), 'utf8'));
  }
  return outside;
}

/** Writes a cleanup's changes to disk (atomically per file) and deletes the flag file. */
export async function applyCleanup(result: CleanupResult, options: { cwd?: string } = {}): Promise<void> {
  const cwd = options.cwd ?? process.cwd();
  for (const change of result.changes) {
    const absolute = path.resolve(cwd, change.file);
    if (change.after === undefined) await rm(absolute, { force: true });
    else await writeFileAtomic(absolute, change.after);
  }
}

function rewriteFiles(
  references: FlagReference[], key: string, kept: Kept, patterns: ReadPatterns, texts: Map<string, string>, originals: Map<string, string>,
): { manual: ManualSite[]; leftovers: Leftover[] } {
  const manual: ManualSite[] = [];
  const place = (r: FlagReference) => `${r.file}:${r.line}:${r.col}`;
  const keysAt = new Map<string, Set<string>>();
  for (const r of references) keysAt.set(place(r), (keysAt.get(place(r)) ?? new Set()).add(r.key));
  const mine = references.filter((r) => r.key === key);
  // The functions and components that read flags stay: the next flag reads through them too.
  const plumbing = new Set([...patterns.calls, ...patterns.jsx.keys()]);
  const keep = (name: string) => plumbing.has(name);
  const orphans: Orphan[] = [];
  for (const file of new Set(mine.map((r) => r.file))) {
    const refs = mine.filter((r) => r.file === file);
    const ambiguous = new Set(refs.filter((r) => keysAt.get(place(r))!.size > 1).map((r) => `${r.line}:${r.col}`));
    const result = rewriteFile(file, texts, refs, ambiguous, kept, patterns, keep);
    manual.push(...result.manual);
    orphans.push(...result.imports.map((i) => ({ file, ...i })));
  }
  const leftovers = removeOrphanExports(orphans, texts, originals, keep);
  leftovers.push(...pruneKeyMembers(key, texts, originals));
  return { manual, leftovers };
}

function rewriteFile(
  file: string, texts: Map<string, string>, refs: FlagReference[], ambiguous: Set<string>, kept: Kept, patterns: ReadPatterns, keep: (name: string) => boolean,
) {
  const original = texts.get(file)!;
  const kind = scriptKind(file);
  const sf = ts.createSourceFile(file, original, ts.ScriptTarget.Latest, true, kind);
  const { edits, manual } = replaceReads(sf, refs, ambiguous, kept, patterns);
  if (edits.length === 0) return { manual, imports: [] };
  const replaced = applyEdits(original, edits, []);
  const simplified = simplify(file, replaced.text, replaced.seeds, kind);
  const before = countUses(sf);
  const candidates = new Set([...replaced.removed, ...simplified.removed].flatMap((t) => t.match(/[A-Za-z_$][\w$]*/g) ?? []));
  const unused = removeUnused(file, simplified.text, kind, {
    candidates,
    wasUsed: (name) => (before.get(name) ?? 0) > 0,
    usedElsewhere: (name) => usersOf(file, name, texts).length > 0,
    keep,
  });
  texts.set(file, unused.text);
  return { manual, imports: unused.imports };
}

/** A module the change emptied, that nothing imports any more, is deleted rather than left blank. */
function emptied(file: string, text: string, texts: Map<string, string>): boolean {
  if (text.trim() !== '') return false;
  for (const [other, otherText] of texts) {
    if (other === file) continue;
    if (relativeImports(otherText).some((spec) => resolveRelative(other, spec, (p) => texts.has(p)) === file)) return false;
  }
  return true;
}
