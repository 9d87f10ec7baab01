import { locate, type ParsedFile } from '../parse.js';
import { ConfigError } from '../errors.js';

/** Throws a located error; compile only meets it when lint missed a problem. */
export type Fail = (path: (string | number)[], message: string) => never;

export function failIn(parsed: ParsedFile): Fail {
  return (path, message) => {
    const { line, col } = locate(parsed, path);
    throw new ConfigError(`${parsed.file}:${line}:${col} cannot compile: ${message}`, {
      hint: 'Run `flags lint` and fix the problems it reports, then compile again.',
    });
  };
}
