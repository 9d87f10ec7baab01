import { featurevisor } from './featurevisor.js';
import { flagd } from './flagd.js';
import { flagopsClientEvaluate, flagopsClientIsEnabled, flagopsEvaluator } from './flagops.js';
import { growthbook } from './growthbook.js';
import { launchdarkly } from './launchdarkly.js';
import type { Subject } from './types.js';
import { unleash } from './unleash.js';

/** flagops three ways: the client users hold, through `evaluate` and `isEnabled`, and the evaluator alone. */
export const OURS: Subject[] = [flagopsClientEvaluate, flagopsClientIsEnabled, flagopsEvaluator];
export const PEERS: Subject[] = [flagd, growthbook, featurevisor, launchdarkly, unleash];

export function subjectNamed(name: string): Subject {
  const subject = [...OURS, ...PEERS].find((s) => s.name === name);
  if (subject === undefined) throw new Error(`no bench subject named ${name}`);
  return subject;
}
