import path from 'node:path';
import { readFile, rm } from 'node:fs/promises';
import { ts } from 'ts-morph';
import { UsageError } from '../../core/errors.js';
import { unifiedFileDiff } from '../../core/line-diff.js';
import type { DynamicReference, FlagReference } from '../../core/stale/types.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { loadProject } from '../../io/project.js';
import { resolveRelative, type CodeFile } from '../prefilter.js';
import { isGeneratedText, scanCode, scriptKind } from '../references.js';
import type { ReadPatterns } from '../scan.js';
import { applyEdits } from './edits.js';
import { replaceReads, type Kept, type ManualSite } from './replace.js';
import { simplify } from './simplify.js';
import { countUses, removeUnused } from './unused.js';

export type { ManualSite } from './replace.js';

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
  const texts = new Map([...scan.files].map(([p, f]) => [p, f.text]));
  const { manual } = rewriteFiles(scan.references, options.key, kept, patterns, texts, scan.files);
  const changes: FileChange[] = [...texts]
    .filter(([p, text]) => scan.files.get(p)!.text !== text)
    .map(([p, text]) => ({ file: p, before: scan.files.get(p)!.text, after: text }));
  changes.push({ file: flagFile.file, before: await readFile(path.resolve(cwd, flagFile.file), 'utf8'), after: undefined });
  const diff = changes.map((c) => unifiedFileDiff(c.file, c.before, c.after)).join('');
  return { key: options.key, keep: options.keep, value: kept.value, changes, manual, dynamic: scan.dynamic, diff };
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
  references: FlagReference[], key: string, kept: Kept, patterns: ReadPatterns, texts: Map<string, string>, files: Map<string, CodeFile>,
): { manual: ManualSite[] } {
  const manual: ManualSite[] = [];
  const place = (r: FlagReference) => `${r.file}:${r.line}:${r.col}`;
  const keysAt = new Map<string, Set<string>>();
  for (const r of references) keysAt.set(place(r), (keysAt.get(place(r)) ?? new Set()).add(r.key));
  const mine = references.filter((r) => r.key === key);
  const orphans: { file: string; name: string; module: string }[] = [];
  for (const file of new Set(mine.map((r) => r.file))) {
    const refs = mine.filter((r) => r.file === file);
    const ambiguous = new Set(refs.filter((r) => keysAt.get(place(r))!.size > 1).map((r) => `${r.line}:${r.col}`));
    const result = rewriteFile(file, texts, refs, ambiguous, kept, patterns);
    manual.push(...result.manual);
    orphans.push(...result.imports.map((i) => ({ file, ...i })));
  }
  for (const orphan of orphans) removeOrphanExport(orphan, texts, files);
  return { manual };
}

function rewriteFile(file: string, texts: Map<string, string>, refs: FlagReference[], ambiguous: Set<string>, kept: Kept, patterns: ReadPatterns) {
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
    usedElsewhere: (name) => mentionedOutside(name, file, texts),
  });
  texts.set(file, unused.text);
  return { manual, imports: unused.imports };
}

/** An export the change stopped importing goes too, when no other file mentions it. */
function removeOrphanExport(orphan: { file: string; name: string; module: string }, texts: Map<string, string>, files: Map<string, CodeFile>): void {
  const target = resolveRelative(orphan.file, orphan.module, (p) => texts.has(p));
  if (!target || isGeneratedText(texts.get(target)!) || mentionedOutside(orphan.name, target, texts)) return;
  const kind = scriptKind(target);
  const result = removeUnused(files.get(target)!.absolute, texts.get(target)!, kind, {
    candidates: new Set([orphan.name]),
    wasUsed: (name) => name === orphan.name,
    usedElsewhere: (name) => mentionedOutside(name, target, texts),
    constantsOnly: true,
  });
  texts.set(target, result.text);
}

function mentionedOutside(name: string, file: string, texts: Map<string, string>): boolean {
  const word = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`);
  for (const [p, text] of texts) if (p !== file && word.test(text)) return true;
  return false;
}
