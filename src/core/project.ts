import { resolveConfig, type Config } from './config.js';
import { parseYamlFile, type ParsedFile } from './parse.js';
import type { ConfigDoc, Diagnostic, FlagDoc, SegmentDoc, SourceFile } from './types.js';

/** Every file of a flags folder, read at the I/O edge (see `src/io/project.ts`). */
export interface ProjectFiles {
  /** The flags folder, relative to the working directory (e.g. `flags`). */
  dir: string;
  config?: SourceFile;
  flags: SourceFile[];
  segments: SourceFile[];
  tests: SourceFile[];
}

export interface ParsedProject {
  dir: string;
  /** The config with defaults; from `flagops.yaml` when it parsed. */
  config: Config;
  configFile?: ParsedFile<ConfigDoc>;
  flags: ParsedFile<FlagDoc>[];
  segments: ParsedFile<SegmentDoc>[];
  tests: ParsedFile[];
  /** YAML-level problems of every file. */
  diagnostics: Diagnostic[];
}

export const CONFIG_FILE = 'flagops.yaml';

export function parseProject(files: ProjectFiles): ParsedProject {
  const configFile = files.config ? parseYamlFile<ConfigDoc>(files.config) : undefined;
  const flags = files.flags.map((f) => parseYamlFile<FlagDoc>(f));
  const segments = files.segments.map((f) => parseYamlFile<SegmentDoc>(f));
  const tests = files.tests.map((f) => parseYamlFile(f));
  const all = [...(configFile ? [configFile] : []), ...flags, ...segments, ...tests];
  const diagnostics = all.flatMap((p) => p.diagnostics);
  if (!files.config) {
    diagnostics.push({
      code: 'FF003',
      severity: 'error',
      message: `${files.dir}/${CONFIG_FILE} is missing`,
      file: `${files.dir}/${CONFIG_FILE}`,
      line: 0,
      col: 0,
      hint: 'Run `flags init` to scaffold one, or point at the folder that holds flagops.yaml.',
    });
  }
  const configValue = isObject(configFile?.value) ? (configFile.value as Partial<ConfigDoc>) : undefined;
  return { dir: files.dir, config: resolveConfig(configValue), configFile, flags, segments, tests, diagnostics };
}

/** The key a file must declare: its basename without extension. */
export function keyFromPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.replace(/\.ya?ml$/, '');
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
