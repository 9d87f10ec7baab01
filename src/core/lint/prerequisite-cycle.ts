import { findCycle, prerequisiteGraphs } from './prerequisite-graph.js';
import type { LintFinding, LintRule } from './types.js';

export const prerequisiteCycle: LintRule = {
  code: 'FF019',
  severity: 'error',
  description: 'Prerequisites form a cycle (a flag depends on itself)',
  check(ctx) {
    const findings: LintFinding[] = [];
    for (const [env, graph] of prerequisiteGraphs(ctx)) {
      for (const [key, edges] of graph) {
        const cycle = findCycle(graph, key);
        const edge = cycle && edges.find((e) => e.to === cycle[1]);
        if (!cycle || !edge) continue;
        findings.push({
          file: edge.from.file,
          path: edge.path,
          message: `prerequisite cycle in ${env}: ${cycle.join(' → ')}`,
          hint: 'A flag cannot depend on itself; remove one of the prerequisites in the cycle.',
        });
      }
    }
    return findings;
  },
};
