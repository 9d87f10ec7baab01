import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, InternalError, UsageError } from '../core/errors.js';
import { addDays, isFlagKind, relativeFrom, renderFlagFile } from '../core/flag-template.js';
import { parseYamlFile } from '../core/parse.js';
import { INSTALLED_SCHEMAS } from '../core/scaffold.js';
import { checkSchema } from '../core/schema.js';
import { FLAG_KINDS } from '../core/types.js';
import { loadProject, toPosix } from './project.js';

export interface NewFlagOptions {
  cwd: string;
  key: string;
  kind: string;
  owner?: string;
  description?: string;
  /** `YYYY-MM-DD`; for kinds that require it, default today plus 30 days. */
  expires?: string;
  /** The flags folder; default `flags`. */
  dir?: string;
  /** Subfolder of the flags folder to put the file in. */
  folder?: string;
  today?: string;
}

const DEFAULT_LIFETIME_DAYS = 30;

/** Writes `<dir>/<folder>/<key>.yaml`, a valid flag serving `off` everywhere; refuses an existing key. */
export async function createFlagFile(options: NewFlagOptions): Promise<{ file: string; text: string }> {
  const dir = options.dir ?? 'flags';
  const project = await loadProject(dir, { cwd: options.cwd });
  if (!project.configFile) throw new ConfigError(`${project.dir}/flagops.yaml is missing`, { hint: 'Run `flags init` first.' });
  if (!isFlagKind(options.kind)) throw new UsageError(`unknown kind \`${options.kind}\``, { hint: `Use one of ${FLAG_KINDS.join(', ')}.` });
  const existing = [...project.flags, ...project.segments].find((f) => path.posix.basename(f.file).replace(/\.ya?ml$/, '') === options.key || (f.value as { key?: unknown } | undefined)?.key === options.key);
  if (existing) throw new UsageError(`flag \`${options.key}\` already exists: ${existing.file}`, { hint: 'Pick another key, or edit that file.' });
  const folder = toPosix(options.folder ?? '').replace(/^\/+|\/+$/g, '');
  if (folder.split('/').some((s) => s === '..' || s === 'segments' || s === 'tests')) {
    throw new UsageError(`--folder ${options.folder} is not a folder for flags`, { hint: 'Use a subfolder of the flags folder other than segments/ and tests/.' });
  }
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const needsExpiry = project.config.policy.requireExpires.includes(options.kind);
  const fileDir = [project.dir === '.' ? '' : project.dir, folder].filter(Boolean).join('/');
  const text = renderFlagFile({
    key: options.key,
    kind: options.kind,
    owner: options.owner,
    description: options.description,
    expires: options.expires ?? (needsExpiry ? addDays(today, DEFAULT_LIFETIME_DAYS) : undefined),
    environments: project.config.environments,
    schemaPath: `${relativeFrom(fileDir, INSTALLED_SCHEMAS)}/flag.schema.json`,
  });
  const file = `${fileDir ? `${fileDir}/` : ''}${options.key}.yaml`;
  const problems = checkSchema(parseYamlFile({ path: file, text }), 'flag');
  if (problems.length > 0) throw new UsageError(`the flag would not be valid: ${problems[0]!.message}`, { hint: problems[0]!.hint ?? 'Check the key, owner and expiry date.' });
  const target = path.resolve(options.cwd, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') throw new UsageError(`${file} already exists`, { hint: 'Pick another key, or edit that file.' });
    throw new InternalError(`could not write ${file}`, { cause: error });
  });
  return { file, text };
}
