import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { ConfigError } from '../core/errors.js';
import { CONFIG_FILE, parseProject, type ParsedProject, type ProjectFiles } from '../core/project.js';
import type { SourceFile } from '../core/types.js';

/**
 * Reads a flags folder: `flagops.yaml`, flag files (any depth), `segments/`, `tests/`.
 * Paths in the result are relative to `cwd`, posix style, as diagnostics print them.
 */
export async function readProject(dir = 'flags', options: { cwd?: string } = {}): Promise<ProjectFiles> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, dir);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new ConfigError(`flags folder not found: ${dir}`, {
      hint: 'Run the command in a repository with a flags/ folder, pass the folder, or run `flags init`.',
    });
  }
  const rel = toPosix(path.relative(cwd, absolute)) || '.';
  const names = (await glob(['**/*.yaml', '**/*.yml'], { cwd: absolute, ignore: ['**/node_modules/**', '**/.*/**'] })).sort();
  const files: ProjectFiles = { dir: rel, flags: [], segments: [], tests: [] };
  await Promise.all(
    names.map(async (name) => {
      const source: SourceFile = { path: rel === '.' ? name : `${rel}/${name}`, text: await readFile(path.join(absolute, name), 'utf8') };
      if (name === CONFIG_FILE) files.config = source;
      else if (name.startsWith('segments/')) files.segments.push(source);
      else if (name.startsWith('tests/')) files.tests.push(source);
      else files.flags.push(source);
    }),
  );
  for (const list of [files.flags, files.segments, files.tests]) list.sort((a, b) => a.path.localeCompare(b.path));
  return files;
}

export async function loadProject(dir = 'flags', options: { cwd?: string } = {}): Promise<ParsedProject> {
  return parseProject(await readProject(dir, options));
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
