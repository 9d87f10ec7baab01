import type { ErrorObject } from 'ajv/dist/2020.js';
import { locate, type ParsedFile, type PathSegment } from './parse.js';
import { didYouMean, suggest } from './suggest.js';
import { OPERATORS, type Diagnostic } from './types.js';

/** Schema finding codes; see the codes table in README.md. */
export const SCHEMA_CODES = { unknownProperty: 'FF005', missingProperty: 'FF006', wrongType: 'FF007', invalidValue: 'FF008' } as const;

interface Finding {
  code: string;
  message: string;
  path: PathSegment[];
  /** Point at the key naming the last path segment rather than its value. */
  key?: boolean;
  hint?: string;
  /** The property a missing-property finding names, or the one an unknown property probably meant. */
  property?: string;
}

/** Names other tools use for our operators. */
const OPERATOR_ALIASES: Record<string, string> = {
  equals: 'eq', is: 'eq', '==': 'eq', notEquals: 'ne', not: 'ne', '!=': 'ne', oneOf: 'in', notOneOf: 'notIn', not_in: 'notIn',
  includes: 'contains', regex: 'matches', pattern: 'matches', starts_with: 'startsWith', ends_with: 'endsWith',
  greaterThan: 'gt', lessThan: 'lt', '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte', present: 'exists',
};

type SchemaNode = { description?: string; properties?: Record<string, SchemaNode> } | undefined;

/**
 * Turns ajv's errors into one finding per real problem: alternatives of an `anyOf` that
 * plainly do not apply are dropped, and each finding points at the YAML node it is about.
 */
export function explainSchemaErrors(parsed: ParsedFile, errors: ErrorObject[]): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const finding of explainAll(errors)) {
    const { line, col } = locate(parsed, finding.path, { key: finding.key });
    const id = `${line}:${col}:${finding.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    diagnostics.push({ code: finding.code, severity: 'error', message: finding.message, file: parsed.file, line, col, hint: finding.hint });
  }
  return diagnostics;
}

const ALTERNATIVES = /\/(anyOf|oneOf)\/\d+\//;

/** Drops summary errors, and alternatives whose type did not even match when another one explains more. */
function prune(errors: ErrorObject[], alternatives: Map<string, ErrorObject>): ErrorObject[] {
  const specific = errors.filter((e) => !['anyOf', 'oneOf', 'propertyNames', 'type'].includes(e.keyword));
  const explainedAt = (path: string) => specific.some((e) => isWithin(e.instancePath, path));
  return errors.filter((e) => {
    if (e.keyword === 'propertyNames') return false;
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') return !errors.some((o) => o !== e && isWithin(o.instancePath, e.instancePath));
    if (e.keyword === 'type' && alternatives.has(e.instancePath)) return !explainedAt(e.instancePath);
    return true;
  });
}

function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

function explainAll(errors: ErrorObject[]): Finding[] {
  const findings: Finding[] = [];
  const alternatives = new Map(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => [e.instancePath, e]));
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of prune(errors, alternatives)) byPath.set(error.instancePath, [...(byPath.get(error.instancePath) ?? []), error]);
  for (const [pointer, group] of byPath) {
    const path = parsePointer(pointer);
    const types = group.filter((e) => e.keyword === 'type' && e.propertyName === undefined);
    const eitherRequired = group.filter((e) => e.keyword === 'required' && ALTERNATIVES.test(e.schemaPath));
    if (types.length > 0) findings.push(wrongType(path, types, alternatives.get(pointer)));
    if (eitherRequired.length > 0) findings.push(missingOneOf(path, eitherRequired));
    for (const error of group) {
      if (types.includes(error) || eitherRequired.includes(error)) continue;
      findings.push(explainOne(path, error));
    }
  }
  return dropRequiredExplainedByTypos(findings);
}

/** `rolout` unknown + `rollout` missing is one typo, not two problems. */
function dropRequiredExplainedByTypos(findings: Finding[]): Finding[] {
  const meant = new Set(findings.filter((f) => f.code === SCHEMA_CODES.unknownProperty && f.property).map((f) => `${f.path.slice(0, -1).join('/')}#${f.property}`));
  return findings.filter((f) => !(f.code === SCHEMA_CODES.missingProperty && meant.has(`${f.path.join('/')}#${f.property}`)));
}

function explainOne(path: PathSegment[], error: ErrorObject): Finding {
  const params = error.params as Record<string, unknown>;
  const parent = error.parentSchema as SchemaNode;
  if (error.keyword === 'additionalProperties') return unknownProperty(path, String(params.additionalProperty), parent);
  if (error.keyword === 'required') {
    const missing = String(params.missingProperty);
    return {
      code: SCHEMA_CODES.missingProperty,
      message: `missing \`${missing}\`${inside(path)}`,
      path,
      hint: parent?.properties?.[missing]?.description ?? `Add \`${missing}\`.`,
      property: missing,
    };
  }
  if (error.propertyName !== undefined) {
    return { code: SCHEMA_CODES.invalidValue, message: `name ${show(error.propertyName)}${inside(path)} is not allowed`, path: [...path, error.propertyName], key: true, hint: describe(parent, 'Use letters, digits, `.`, `_` and `-`.') };
  }
  return { code: SCHEMA_CODES.invalidValue, message: invalidValueMessage(path, error), path, hint: invalidValueHint(error, parent) };
}

function unknownProperty(path: PathSegment[], name: string, parent: SchemaNode): Finding {
  const allowed = Object.keys(parent?.properties ?? {});
  const isOperator = allowed.includes('matches') && allowed.includes('semverEq');
  const what = isOperator ? 'operator' : 'property';
  const candidates = isOperator ? OPERATORS : allowed;
  return {
    code: SCHEMA_CODES.unknownProperty,
    message: `unknown ${what} ${show(name)}${inside(path)}`,
    path: [...path, name],
    key: true,
    hint: (isOperator && OPERATOR_ALIASES[name] ? `did you mean \`${OPERATOR_ALIASES[name]}\`?` : didYouMean(name, candidates)) ?? (allowed.length > 0 ? `Allowed here: ${allowed.join(', ')}.` : 'Remove it.'),
    property: isOperator ? undefined : suggest(name, candidates),
  };
}

function wrongType(path: PathSegment[], errors: ErrorObject[], alternative: ErrorObject | undefined): Finding {
  const expected = [...new Set(errors.flatMap((e) => String((e.params as { type: string }).type).split(',')))];
  const data = errors[0]!.data;
  const parent = (alternative?.parentSchema ?? errors[0]!.parentSchema) as SchemaNode;
  if (path.length === 0 && (data === null || data === undefined)) {
    return { code: SCHEMA_CODES.wrongType, message: 'the file is empty', path, hint: 'Write the document as a YAML mapping (`key: …`).' };
  }
  return {
    code: SCHEMA_CODES.wrongType,
    message: `${label(path)} must be ${expected.map(article).join(' or ')}, found ${article(typeOf(data))}`,
    path,
    hint: describe(parent, undefined),
  };
}

function missingOneOf(path: PathSegment[], errors: ErrorObject[]): Finding {
  const names = [...new Set(errors.map((e) => `\`${String((e.params as { missingProperty: string }).missingProperty)}\``))];
  return { code: SCHEMA_CODES.missingProperty, message: `${label(path)} needs ${names.join(' or ')}`, path, hint: `Add ${names.join(' or ')}.` };
}

function invalidValueMessage(path: PathSegment[], error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const found = show(error.data);
  switch (error.keyword) {
    case 'enum': return `${label(path)} must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}; found ${found}`;
    case 'const': return `${label(path)} must be ${show(params.allowedValue)}; found ${found}`;
    case 'format': return `${label(path)} must be a valid ${String(params.format)}; found ${found}`;
    case 'pattern': return `${label(path)} has an invalid form: ${found}`;
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return `${label(path)} must be ${String(params.comparison)} ${String(params.limit)}; found ${found}`;
    case 'minItems': case 'minProperties': case 'minLength': return `${label(path)} must not be empty`;
    case 'maxLength': return `${label(path)} is longer than ${String(params.limit)} characters`;
    case 'uniqueItems': return `${label(path)} lists the same value twice (items ${String(params.j)} and ${String(params.i)})`;
    default: return `${label(path)} ${error.message ?? 'is invalid'}`;
  }
}

function invalidValueHint(error: ErrorObject, parent: SchemaNode): string | undefined {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum' && typeof error.data === 'string') {
    const guess = didYouMean(error.data, (params.allowedValues as unknown[]).map(String));
    if (guess) return guess;
  }
  if (error.keyword === 'format' && params.format === 'date') return 'Write the date as YYYY-MM-DD, e.g. 2027-01-31.';
  return describe(parent, undefined);
}

function describe(schema: SchemaNode, fallback: string | undefined): string | undefined {
  return schema?.description ?? fallback;
}

function parsePointer(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function label(path: PathSegment[]): string {
  if (path.length === 0) return 'the document';
  return `\`${path.map((s, i) => (/^\d+$/.test(String(s)) ? `[${s}]` : `${i === 0 ? '' : '.'}${s}`)).join('')}\``;
}

function inside(path: PathSegment[]): string {
  return path.length === 0 ? '' : ` in ${label(path)}`;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

function article(type: string): string {
  if (type === 'null') return 'nothing (null)';
  if (type === 'object') return 'a mapping';
  if (type === 'array') return 'a list';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** A value for a message: short, one line, never a whole document. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  text = text.replace(/\s+/g, ' ');
  return `\`${text.length > 40 ? `${text.slice(0, 37)}...` : text}\``;
}
