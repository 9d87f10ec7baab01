import { ts } from 'ts-morph';
import { resolveRelative } from '../prefilter.js';
import { isGeneratedText, scriptKind } from '../references.js';
import { describeUse, usersOf } from './module-users.js';
import { countUses, removeUnused } from './unused.js';

/** A name the change stopped importing from a module. */
export interface Orphan {
  /** The file whose import went. */
  file: string;
  name: string;
  module: string;
}

/** A declaration the change may have left without purpose, kept for a person to judge. */
export interface Leftover {
  file: string;
  line: number;
  col: number;
  name: string;
  reason: string;
}

/**
 * Follows the imports the change removed into the modules that export them. An exported function,
 * constant or enum goes only when no other scanned file imports it, it is not re-exported, and
 * its own module does not use it; then what only it used goes too, module by module. One that
 * something else may still reach stays, listed with why. `keep` names stay regardless.
 */
export function removeOrphanExports(orphans: Orphan[], texts: Map<string, string>, originals: Map<string, string>, keep: (name: string) => boolean): Leftover[] {
  const leftovers: Leftover[] = [];
  const queue = [...orphans];
  const seen = new Set<string>();
  for (let orphan = queue.shift(); orphan; orphan = queue.shift()) {
    const target = resolveRelative(orphan.file, orphan.module, (p) => texts.has(p));
    const id = `${target}\0${orphan.name}`;
    if (!target || seen.has(id) || isGeneratedText(texts.get(target)!) || keep(orphan.name)) continue;
    seen.add(id);
    const users = usersOf(target, orphan.name, texts);
    if (users.length > 0) {
      const more = users.length > 1 ? ` (and ${users.length - 1} more)` : '';
      const leftover = declarationAt(target, texts.get(target)!, orphan.name, `no longer imported by ${orphan.file}, still ${describeUse(users[0]!)}${more}`);
      if (leftover) leftovers.push(leftover);
      continue;
    }
    const before = countUses(ts.createSourceFile(target, originals.get(target) ?? '', ts.ScriptTarget.Latest, true, scriptKind(target)));
    const result = removeUnused(target, texts.get(target)!, scriptKind(target), {
      candidates: new Set([orphan.name]),
      wasUsed: (name) => name === orphan.name || (before.get(name) ?? 0) > 0,
      usedElsewhere: (name) => usersOf(target, name, texts).length > 0,
      keep,
    });
    // A declaration removed from the end of a module leaves the blank line that separated it.
    texts.set(target, result.text === texts.get(target) ? result.text : result.text.replace(/\n{2,}$/, '\n'));
    queue.push(...result.imports.map((i) => ({ file: target, ...i })));
  }
  return leftovers;
}

/** The top-level function or constant declaring `name`, as a leftover (enums are judged member by member). */
function declarationAt(file: string, text: string, name: string, reason: string): Leftover | undefined {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  for (const statement of sf.statements) {
    const names = ts.isVariableStatement(statement)
      ? statement.declarationList.declarations.map((d) => d.name)
      : ts.isFunctionDeclaration(statement) && statement.name ? [statement.name] : [];
    const found = names.find((n) => ts.isIdentifier(n) && n.text === name);
    if (!found) continue;
    const { line, character } = sf.getLineAndCharacterOfPosition(found.getStart(sf));
    return { file, line: line + 1, col: character + 1, name, reason };
  }
  return undefined;
}
