import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { configErrors } from '../core/config-check.js';
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

export interface LoadOptions {
  cwd?: string;
  /**
   * What to do when flagops.yaml has YAML or schema errors: `refuse` (default) throws a located
   * ConfigError, so no command ramps, kills or publishes on a half-understood config; `report`
   * keeps the project for commands that lint it and print every problem.
   */
  invalidConfig?: 'refuse' | 'report';
}

export async function loadProject(dir = 'flags', options: LoadOptions = {}): Promise<ParsedProject> {
  const project = parseProject(await readProject(dir, options));
  if (options.invalidConfig !== 'report') refuseInvalidConfig(project);
  return project;
}

function refuseInvalidConfig(project: ParsedProject): void {
  const [first, ...rest] = configErrors(project);
  if (!first) return;
  const more = rest.length > 0 ? ` and ${rest.length} more problem${rest.length === 1 ? '' : 's'}` : '';
  throw new ConfigError(`${first.file}:${first.line}:${first.col} ${first.message}`, {
    hint: `${first.hint ? `${first.hint} ` : ''}Fix flagops.yaml first (\`flags lint\` lists this${more}); nothing was changed.`,
  });
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
