import type { CompiledSegment, Expr } from '../bundle/types.js';
import { splitPath, type AttributePath } from './attribute.js';
import type { Interner } from './intern.js';
import type { PreparedSegment } from './model.js';
import { allCondition, anyCondition, prepareCondition, segmentCondition, type Condition } from './operators.js';

/** Prepares conditions and segments once each, sharing equal conditions between flags. */
export class ConditionTable {
  private readonly segments = new Map<string, PreparedSegment | null>();

  constructor(private readonly source: Record<string, CompiledSegment>, private readonly intern: Interner) {}

  /** The rule's conditions as one condition that must hold. */
  when(exprs: readonly Expr[]): Condition {
    const conditions = exprs.map((expr) => this.expr(expr));
    return this.intern.get(`a${conditions.map((c) => this.intern.idOf(c)).join(',')}`, () => allCondition(conditions));
  }

  path(attr: string): AttributePath {
    return this.intern.get(`p${attr}`, () => splitPath(attr));
  }

  private expr(expr: Expr): Condition {
    if ('any' in expr) {
      const groups = expr.any.map((group) => this.when(group));
      return this.intern.get(`o${groups.map((c) => this.intern.idOf(c)).join(',')}`, () => anyCondition(groups));
    }
    if ('segment' in expr) return this.intern.get(`g${expr.segment}`, () => segmentCondition(this.segment(expr.segment)));
    return this.intern.get(`c${JSON.stringify([expr.attr, expr.op, expr.value])}`, () => prepareCondition(this.path(expr.attr), expr.op, expr.value));
  }

  /** A cyclic segment reference never matches. */
  private segment(key: string): PreparedSegment | null {
    if (this.segments.has(key)) return this.segments.get(key) ?? null;
    const segment = Object.prototype.hasOwnProperty.call(this.source, key) ? this.source[key] : undefined;
    this.segments.set(key, null);
    if (segment === undefined) return null;
    const when = segment.when !== undefined && segment.when.length > 0 ? this.when(segment.when) : null;
    const prepared = { path: this.path(segment.attr), include: toSet(segment.include), exclude: toSet(segment.exclude), when };
    this.segments.set(key, prepared);
    return prepared;
  }
}

function toSet(values: readonly unknown[] | undefined): ReadonlySet<unknown> | null {
  return values !== undefined && values.length > 0 ? new Set(values) : null;
}
