import type { PathSegment } from '../parse.js';
import type { FlagModel } from './model.js';
import type { LintContext } from './types.js';

export interface Edge {
  from: FlagModel;
  to: string;
  path: PathSegment[];
}

/** Per environment: flag key → its prerequisites there. */
export function prerequisiteGraphs(ctx: LintContext): Map<string, Map<string, Edge[]>> {
  const graphs = new Map<string, Map<string, Edge[]>>();
  for (const flag of ctx.flags) {
    if (flag.key === undefined || ctx.flagsByKey.get(flag.key) !== flag) continue;
    for (const { env, flag: to, path } of flag.prerequisites) {
      if (to === undefined) continue;
      const graph = graphs.get(env) ?? new Map<string, Edge[]>();
      graphs.set(env, graph);
      graph.set(flag.key, [...(graph.get(flag.key) ?? []), { from: flag, to, path }]);
    }
  }
  return graphs;
}

/** The path of keys from `start` back to itself, if `start` lies on a cycle. */
export function findCycle(graph: Map<string, Edge[]>, start: string): string[] | undefined {
  const stack: { key: string; trail: string[] }[] = [{ key: start, trail: [start] }];
  const visited = new Set<string>();
  while (stack.length > 0) {
    const { key, trail } = stack.pop()!;
    for (const edge of graph.get(key) ?? []) {
      if (edge.to === start) return [...trail, start];
      if (visited.has(edge.to)) continue;
      visited.add(edge.to);
      stack.push({ key: edge.to, trail: [...trail, edge.to] });
    }
  }
  return undefined;
}

/**
 * The longest prerequisite chain below `key`, explored at most `limit` levels deep (enough to
 * tell "too deep" and to stay linear on large graphs); cycles are cut.
 */
export function chainBelow(graph: Map<string, Edge[]>, key: string, limit: number, seen: Set<string> = new Set()): string[] {
  if (seen.has(key) || seen.size >= limit) return [];
  seen.add(key);
  let longest: string[] = [];
  for (const edge of graph.get(key) ?? []) {
    const chain = [edge.to, ...chainBelow(graph, edge.to, limit, seen)];
    if (chain.length > longest.length) longest = chain;
  }
  seen.delete(key);
  return longest;
}
