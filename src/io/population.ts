import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { Context } from '../sdk/evaluate/types.js';

/**
 * A population for the blast radius: JSON lines, one context object per line (blank lines
 * skipped), e.g. exported accounts. A bad line is reported with its number.
 */
export async function readPopulation(file: string, cwd: string): Promise<Context[]> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the population file ${file}`, { hint: 'Pass a JSON-lines file of contexts, one object per line.', cause: error });
  }
  return parsePopulation(text, file);
}

export function parsePopulation(text: string, file: string): Context[] {
  const contexts: Context[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new ConfigError(`${file}:${index + 1}:1 not JSON: ${(error as Error).message}`, { hint: 'Each line must hold one JSON object, e.g. {"accountId":"acct_1","plan":"pro"}.' });
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new ConfigError(`${file}:${index + 1}:1 expected a JSON object (a context), found ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`, { hint: 'Each line must hold one context object.' });
    }
    contexts.push(value as Context);
  }
  if (contexts.length === 0) throw new ConfigError(`${file} holds no contexts`, { hint: 'Write one JSON object per line.' });
  return contexts;
}
