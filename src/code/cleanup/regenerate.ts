import path from 'node:path';
import type { ParsedProject } from '../../core/project.js';
import { generateFlagTypes } from '../codegen.js';
import { isGeneratedText } from '../references.js';

/** What became of a `flags codegen` file that names the removed flag. */
export interface GeneratedFile {
  file: string;
  /** `regenerated`: part of the change; `run-codegen`: left as it was, run `command` (see `reason`). */
  outcome: 'regenerated' | 'run-codegen';
  command: string;
  reason?: string;
}

/** Where `flags codegen` output lives when the config's globs do not select it. */
export const CONVENTIONAL_CODEGEN_FILE = 'src/flags.generated.ts';

/**
 * Regenerates each `flags codegen` file (found by its first line) that still names the removed
 * flag, from the flag files without it, so its types and `flagKeys` stop offering the flag. It is
 * left as it was, with the command to run, when references to the flag remain for a person (the
 * regenerated types would reject them) or when it was generated from another flags folder.
 */
export function regenerateFlagTypes(
  texts: Map<string, string>, project: ParsedProject, options: { key: string; dir: string; manualLeft: boolean },
): GeneratedFile[] {
  const results: GeneratedFile[] = [];
  for (const [file, text] of texts) {
    if (!isGeneratedText(text) || !text.includes(JSON.stringify(options.key))) continue;
    const header = text.slice(0, text.indexOf('\n'));
    const command = /Regenerate with: (.+)$/.exec(header)?.[1]?.trim() ?? `npx flags codegen --out ${file}`;
    const fromDir = /--dir[ =](\S+)/.exec(command)?.[1] ?? 'flags';
    const reason = options.manualLeft ? `references to ${options.key} are left for you; once they are resolved`
      : path.posix.normalize(fromDir) !== path.posix.normalize(options.dir) ? `it was generated from ${fromDir}, not ${options.dir}` : undefined;
    const generated = reason === undefined ? generateFlagTypes(project, { command }) : undefined;
    if (!generated || generated.diagnostics.length > 0) {
      results.push({ file, outcome: 'run-codegen', command, reason: reason ?? 'the flag files have errors; fix them first' });
      continue;
    }
    texts.set(file, generated.text);
    results.push({ file, outcome: 'regenerated', command });
  }
  return results;
}
