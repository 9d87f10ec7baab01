import type { ParsedFile } from '../parse.js';
import { isObject } from '../project.js';
import type { LintContext } from './types.js';

/** The config file's signing keys as written, when the file parsed into the expected shape. */
export function signingKeys(ctx: LintContext): { file: ParsedFile; index: number; id?: string; publicKey?: string }[] {
  const file = ctx.project.configFile;
  const signing = isObject(file?.value) ? file.value.signing : undefined;
  if (!file || !isObject(signing) || !Array.isArray(signing.keys)) return [];
  return signing.keys.flatMap((key: unknown, index) =>
    isObject(key) ? [{ file, index, id: typeof key.id === 'string' ? key.id : undefined, publicKey: typeof key.publicKey === 'string' ? key.publicKey : undefined }] : [],
  );
}
