import type { ParsedFile, PathSegment } from '../parse.js';
import { isObject } from '../project.js';
import type { FlagDoc, SegmentDoc } from '../types.js';

/**
 * What the semantic rules look at, gathered once from each parsed file. Only well-shaped parts
 * are collected (the schema reports the rest), so rules never trip over a malformed document.
 */
export interface ServeRef {
  env: string;
  path: PathSegment[];
  /** A variation name, or the `rollout` map of a split. */
  variation?: string;
  rollout?: Record<string, unknown>;
}

export interface ConditionRef {
  path: PathSegment[];
  op: string;
  value: unknown;
}

export interface PrerequisiteRef {
  env: string;
  path: PathSegment[];
  flag?: string;
  variation?: string;
}

export interface FlagModel {
  file: ParsedFile<FlagDoc>;
  doc: Record<string, unknown>;
  key?: string;
  kind?: string;
  /** Declared variations, or the implicit `{ on: true, off: false }`. */
  variations: Map<string, unknown>;
  declaresVariations: boolean;
  environments: { name: string; path: PathSegment[] }[];
  serves: ServeRef[];
  prerequisites: PrerequisiteRef[];
  conditions: ConditionRef[];
  segmentRefs: { path: PathSegment[]; name: string }[];
}

export interface SegmentModel {
  file: ParsedFile<SegmentDoc>;
  doc: Record<string, unknown>;
  key?: string;
  conditions: ConditionRef[];
}

export const IMPLICIT_VARIATIONS: ReadonlyMap<string, unknown> = new Map<string, unknown>([['on', true], ['off', false]]);

export function modelFlag(file: ParsedFile<FlagDoc>): FlagModel | undefined {
  const doc = file.value as unknown;
  if (!isObject(doc)) return undefined;
  const declared = isObject(doc.variations) && Object.keys(doc.variations).length > 0;
  const model: FlagModel = {
    file,
    doc,
    key: typeof doc.key === 'string' ? doc.key : undefined,
    kind: typeof doc.kind === 'string' ? doc.kind : undefined,
    variations: declared ? new Map(Object.entries(doc.variations as object)) : new Map(IMPLICIT_VARIATIONS),
    declaresVariations: declared,
    environments: [],
    serves: [],
    prerequisites: [],
    conditions: [],
    segmentRefs: [],
  };
  if (isObject(doc.environments)) {
    for (const [name, env] of Object.entries(doc.environments)) collectEnvironment(model, name, env);
  }
  return model;
}

function collectEnvironment(model: FlagModel, name: string, env: unknown): void {
  const base: PathSegment[] = ['environments', name];
  model.environments.push({ name, path: base });
  if (!isObject(env)) return;
  collectServe(model, name, [...base, 'default'], env.default);
  if (Array.isArray(env.rules)) {
    env.rules.forEach((rule: unknown, i) => {
      if (!isObject(rule)) return;
      const path = [...base, 'rules', i];
      collectServe(model, name, [...path, 'serve'], rule.serve);
      collectConditions(model.conditions, [...path, 'when'], rule.when, 0);
      if (typeof rule.segment === 'string') model.segmentRefs.push({ path: [...path, 'segment'], name: rule.segment });
    });
  }
  if (Array.isArray(env.prerequisites)) {
    env.prerequisites.forEach((p: unknown, i) => {
      if (!isObject(p)) return;
      const flag = typeof p.flag === 'string' ? p.flag : undefined;
      const variation = typeof p.variation === 'string' ? p.variation : undefined;
      model.prerequisites.push({ env: name, path: [...base, 'prerequisites', i], flag, variation });
    });
  }
}

function collectServe(model: FlagModel, env: string, path: PathSegment[], serve: unknown): void {
  if (typeof serve === 'string') model.serves.push({ env, path, variation: serve });
  else if (isObject(serve) && isObject(serve.rollout)) model.serves.push({ env, path, rollout: serve.rollout });
}

/** Depth-limited: a `when` nested deeper than this is not a real flag, and the schema reports it anyway. */
const MAX_WHEN_DEPTH = 32;

export function collectConditions(into: ConditionRef[], path: PathSegment[], when: unknown, depth: number): void {
  if (!isObject(when) || depth > MAX_WHEN_DEPTH) return;
  for (const [attribute, condition] of Object.entries(when)) {
    if (attribute === 'any' && Array.isArray(condition)) {
      condition.forEach((nested: unknown, i) => collectConditions(into, [...path, 'any', i], nested, depth + 1));
    } else if (isObject(condition)) {
      for (const [op, value] of Object.entries(condition)) into.push({ path: [...path, attribute, op], op, value });
    }
  }
}

export function modelSegment(file: ParsedFile<SegmentDoc>): SegmentModel | undefined {
  const doc = file.value as unknown;
  if (!isObject(doc)) return undefined;
  const conditions: ConditionRef[] = [];
  collectConditions(conditions, ['when'], doc.when, 0);
  return { file, doc, key: typeof doc.key === 'string' ? doc.key : undefined, conditions };
}
