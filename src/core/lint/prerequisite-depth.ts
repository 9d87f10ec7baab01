import { chainBelow, prerequisiteGraphs } from './prerequisite-graph.js';
import type { LintFinding, LintRule } from './types.js';

export const MAX_PREREQUISITE_DEPTH = 2;

export const prerequisiteDepth: LintRule = {
  code: 'FF020',
  severity: 'error',
  description: `Prerequisites nest deeper than ${MAX_PREREQUISITE_DEPTH} levels`,
  check(ctx) {
    const findings: LintFinding[] = [];
    for (const [env, graph] of prerequisiteGraphs(ctx)) {
      for (const [key, edges] of graph) {
        const chain = chainBelow(graph, key, MAX_PREREQUISITE_DEPTH + 1);
        const edge = edges.find((e) => e.to === chain[0]);
        if (chain.length <= MAX_PREREQUISITE_DEPTH || !edge) continue;
        findings.push({
          file: edge.from.file,
          path: edge.path,
          message: `prerequisite chain in ${env} is ${chain.length} deep: ${[key, ...chain].join(' → ')}`,
          hint: `At most ${MAX_PREREQUISITE_DEPTH} levels keep evaluation fast and explainable; depend on a flag nearer the end of the chain.`,
        });
      }
    }
    return findings;
  },
};
