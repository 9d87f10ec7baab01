import { diffFlag, diffSegment, type Change } from '../diff.js';
import { locate, type ParsedFile } from '../parse.js';
import { isObject, keyFromPath, type ParsedProject } from '../project.js';
import type { FlagDoc, SegmentDoc } from '../types.js';
import type { FlagPair, FlagReport, LocatedChange, SegmentReport } from './types.js';

/** A change placed on the YAML line it concerns: the environment's block, else the flag's top. */
function placed(change: Change, file: ParsedFile): LocatedChange {
  const path = change.environment ? ['environments', change.environment] : fieldOf(change);
  const at = path.length > 0 ? locate(file, path, { key: true }) : { line: 1, col: 1 };
  return { ...change, file: file.file, line: at.line, col: at.col };
}

function fieldOf(change: Change): string[] {
  const fields: Partial<Record<Change['kind'], string>> = { owner: 'owner', expires: 'expires', variations: 'variations', 'kill-variation': 'killVariation' };
  const field = fields[change.kind];
  return field ? [field] : [];
}

/** One report per flag that changed, in words and located. */
export function flagReports(pairs: FlagPair[]): FlagReport[] {
  return pairs.flatMap(({ key, before, after, renamedFrom }): FlagReport[] => {
    const file = (after ?? before)!;
    const changes = diffFlag(before?.value, after?.value);
    if (renamedFrom) changes.unshift({ kind: 'added', text: renameText(renamedFrom, key, after!.value!) });
    if (changes.length === 0) return [];
    const status = renamedFrom ? 'renamed' : !before ? 'added' : !after ? 'removed' : 'changed';
    const report: FlagReport = { key, file: file.file, status, changes: changes.map((c) => placed(c, file)), impact: [] };
    if (renamedFrom) report.renamedFrom = renamedFrom;
    return [report];
  });
}

/** Renaming changes the bucketing salt unless the flag pins it: rollouts reshuffle. */
function renameText(from: string, to: string, flag: FlagDoc): string {
  const rollout = Object.values(flag.environments ?? {}).some((e) => JSON.stringify(e).includes('"rollout"'));
  const salt = rollout && flag.salt === undefined ? `; rollouts are salted with the key, so users are bucketed afresh (add \`salt: ${from}\` to keep them where they are)` : '';
  return `renamed from ${from}${salt}`;
}

function segmentsByKey(project: ParsedProject | undefined): Map<string, ParsedFile<SegmentDoc>> {
  const map = new Map<string, ParsedFile<SegmentDoc>>();
  for (const parsed of project?.segments ?? []) {
    if (!isObject(parsed.value)) continue;
    map.set(typeof parsed.value.key === 'string' ? parsed.value.key : keyFromPath(parsed.file), parsed);
  }
  return map;
}

/** Changed segments and the flags (on either side) whose rules name them. */
export function segmentReports(base: ParsedProject | undefined, head: ParsedProject, pairs: FlagPair[]): SegmentReport[] {
  const before = segmentsByKey(base), after = segmentsByKey(head);
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  return keys.flatMap((key): SegmentReport[] => {
    const b = before.get(key), a = after.get(key);
    const changes = diffSegment(b?.value, a?.value);
    if (changes.length === 0) return [];
    const file = (a ?? b)!;
    const flags = pairs.filter((p) => usesSegment(p.after?.value, key) || usesSegment(p.before?.value, key)).map((p) => p.key);
    return [{ key, file: file.file, status: !b ? 'added' : !a ? 'removed' : 'changed', changes: changes.map((c) => placed(c, file)), flags }];
  });
}

function usesSegment(flag: FlagDoc | undefined, key: string): boolean {
  return Object.values(flag?.environments ?? {}).some((env) => (env?.rules ?? []).some((rule) => rule?.segment === key));
}
