import { isMap, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { UsageError } from '../errors.js';
import type { EnvironmentDoc, FlagDoc, JsonValue } from '../types.js';
import { childMap, findPair } from './splice.js';

/** A flag file's text, parsed for editing one environment. */
export interface FlagText {
  flag: FlagDoc;
  envMap: YAMLMap;
  envDoc: EnvironmentDoc;
  /** `file:line:col` of the environment, for messages. */
  where: string;
  /** `file:line:col` of a key of the environment (the environment itself when absent). */
  whereKey(key: string): string;
}

export function readFlagText(text: string, env: string, file = 'flag file'): FlagText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    const at = doc.errors[0]?.linePos?.[0] ?? { line: 1, col: 1 };
    throw new UsageError(`${file}:${at.line}:${at.col} is not a valid flag file`, {
      hint: 'Fix the YAML first (`flags lint` shows the problem), then retry.',
    });
  }
  const flag = doc.toJS() as FlagDoc;
  const environments = childMap(doc.contents, 'environments');
  const envMap = environments ? childMap(environments, env) : undefined;
  if (!envMap) {
    const known = Object.keys(flag.environments ?? {});
    const at = lineCounter.linePos((environments ?? doc.contents).range?.[0] ?? 0);
    throw new UsageError(`${file}:${at.line}:${at.col} ${flag.key} has no environment "${env}" (as a block or flow map)`, {
      hint: known.length > 0
        ? `Pick one of: ${known.join(', ')} (--env), or add "${env}:" under environments with a default.`
        : `Add "environments: { ${env}: { default: off } }" to the flag first.`,
    });
  }
  const whereAt = (offset: number | undefined) => {
    const at = lineCounter.linePos(offset ?? envMap.range?.[0] ?? 0);
    return `${file}:${at.line}:${at.col}`;
  };
  const whereKey = (key: string) => whereAt((findPair(envMap, key)?.key as Node | undefined)?.range?.[0]);
  return { flag, envMap, envDoc: flag.environments![env]!, where: whereAt(undefined), whereKey };
}

/** The flag's variation names in declaration order; absent variations mean on/off. */
export function variationNames(flag: FlagDoc): string[] {
  return Object.keys(flag.variations ?? { on: true, off: false });
}

/** Served when killed: `killVariation`, else `off` when declared, else the first variation. */
export function killVariationOf(flag: FlagDoc): string {
  const names = variationNames(flag);
  if (flag.killVariation && names.includes(flag.killVariation)) return flag.killVariation;
  return names.includes('off') ? 'off' : names[0] ?? 'off';
}

/** Re-parses an edited text and checks it holds exactly the intended value; splicing never guesses. */
export function checkEdit(text: string, expected: FlagDoc, file: string): void {
  if (!holdsValue(text, expected)) {
    throw new UsageError(`${file}: could not edit this flag's YAML layout safely; nothing was changed`, {
      hint: 'Make the change by hand, or rewrite the environment as a plain block map and retry.',
    });
  }
}

/** True when the text parses to exactly `expected` (key order aside). */
export function holdsValue(text: string, expected: unknown): boolean {
  const doc = parseDocument(text);
  return doc.errors.length === 0 && canonical(doc.toJS() as JsonValue) === canonical(expected as JsonValue);
}

function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
