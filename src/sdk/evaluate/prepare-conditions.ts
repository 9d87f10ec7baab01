import type { CompiledSegment, Expr } from '../bundle/types.js';
import { splitPath } from './attribute.js';
import type { PreparedSegment } from './model.js';
import { anyCondition, prepareCondition, segmentCondition, type Condition } from './operators.js';

/** Resolves segment references to prepared segments, each prepared once; a cyclic reference never matches. */
export class SegmentTable {
  private readonly prepared = new Map<string, PreparedSegment | null>();

  constructor(private readonly source: Record<string, CompiledSegment>) {}

  get(key: string): PreparedSegment | null {
    if (this.prepared.has(key)) return this.prepared.get(key) ?? null;
    const segment = Object.prototype.hasOwnProperty.call(this.source, key) ? this.source[key] : undefined;
    this.prepared.set(key, null);
    if (segment === undefined) return null;
    const result = prepareSegment(segment, this);
    this.prepared.set(key, result);
    return result;
  }
}

function toSet(values: readonly unknown[] | undefined): ReadonlySet<unknown> | null {
  return values !== undefined && values.length > 0 ? new Set(values) : null;
}

function prepareSegment(segment: CompiledSegment, table: SegmentTable): PreparedSegment {
  const when = segment.when !== undefined && segment.when.length > 0 ? prepareConditions(segment.when, table) : null;
  return { path: splitPath(segment.attr), include: toSet(segment.include), exclude: toSet(segment.exclude), when };
}

export function prepareConditions(exprs: readonly Expr[], table: SegmentTable): Condition[] {
  return exprs.map((expr) => prepareExpr(expr, table));
}

function prepareExpr(expr: Expr, table: SegmentTable): Condition {
  if ('any' in expr) return anyCondition(expr.any.map((group) => prepareConditions(group, table)));
  if ('segment' in expr) return segmentCondition(table.get(expr.segment));
  return prepareCondition(expr.attr, expr.op, expr.value);
}
