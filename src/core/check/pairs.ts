import type { ParsedFile } from '../parse.js';
import { isObject, keyFromPath, type ParsedProject } from '../project.js';
import type { FlagDoc } from '../types.js';
import type { FlagPair } from './types.js';

/** Usable flag files by key (the declared key, else the file name). */
export function flagsByKey(project: ParsedProject | undefined): Map<string, ParsedFile<FlagDoc>> {
  const map = new Map<string, ParsedFile<FlagDoc>>();
  for (const parsed of project?.flags ?? []) {
    if (!isObject(parsed.value)) continue;
    const key = typeof parsed.value.key === 'string' ? parsed.value.key : keyFromPath(parsed.file);
    if (!map.has(key)) map.set(key, parsed);
  }
  return map;
}

/**
 * Base and head flags side by side. A flag removed and another added with the same content
 * (apart from key and description) is a rename: its users keep what they had.
 */
export function pairFlags(base: ParsedProject | undefined, head: ParsedProject): FlagPair[] {
  const before = flagsByKey(base), after = flagsByKey(head);
  const removed = [...before.keys()].filter((k) => !after.has(k));
  const pairs: FlagPair[] = [];
  for (const [key, file] of after) {
    const old = before.get(key);
    if (old) {
      pairs.push({ key, before: old, after: file });
      continue;
    }
    const from = removed.find((k) => sameBehaviour(before.get(k)!.value!, file.value!));
    if (from) removed.splice(removed.indexOf(from), 1);
    pairs.push(from ? { key, before: before.get(from), after: file, renamedFrom: from } : { key, after: file });
  }
  for (const key of removed) pairs.push({ key, before: before.get(key) });
  return pairs.sort((a, b) => a.key.localeCompare(b.key));
}

function sameBehaviour(a: FlagDoc, b: FlagDoc): boolean {
  const strip = ({ key: _k, description: _d, ...rest }: FlagDoc) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}
