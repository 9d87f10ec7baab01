import { stringify } from 'yaml';
import { FLAG_KINDS, type FlagKind } from './types.js';

export interface NewFlagSpec {
  key: string;
  kind: FlagKind;
  owner?: string;
  description?: string;
  /** `YYYY-MM-DD`. */
  expires?: string;
  /** Environments to write, each serving `off` by default. */
  environments: string[];
  /** Relative path from the flag file to the flag schema, for the editor modeline. */
  schemaPath: string;
}

/** The text of a new flag file: modeline, metadata, and `default: off` in every environment. */
export function renderFlagFile(spec: NewFlagSpec): string {
  const lines = [`# yaml-language-server: $schema=${spec.schemaPath}`, `key: ${scalar(spec.key)}`];
  if (spec.description) lines.push(`description: ${scalar(spec.description)}`);
  lines.push(`kind: ${spec.kind}`);
  if (spec.owner) lines.push(`owner: ${scalar(spec.owner)}`);
  if (spec.expires) lines.push(`expires: ${spec.expires}`);
  lines.push('environments:');
  for (const env of spec.environments) lines.push(`  ${scalar(env)}:`, '    default: off');
  return `${lines.join('\n')}\n`;
}

/** A YAML scalar, quoted only when it has to be. */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

export function isFlagKind(value: string): value is FlagKind {
  return (FLAG_KINDS as readonly string[]).includes(value);
}

/** `YYYY-MM-DD` plus whole days, in UTC. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Relative path from a file's folder to `target`, both relative to the same root, posix. */
export function relativeFrom(fileDir: string, target: string): string {
  const depth = fileDir === '' || fileDir === '.' ? 0 : fileDir.split('/').filter((s) => s !== '' && s !== '.').length;
  return `${'../'.repeat(depth)}${target}`;
}
