import { bundleTtl } from './bundle-ttl.js';
import { dateOperand } from './date-operand.js';
import { duplicateKey } from './duplicate-key.js';
import { duplicateKeyId } from './duplicate-key-id.js';
import { expiresPast } from './expires-past.js';
import { expiresRequired } from './expires-required.js';
import { keyMatchesFile } from './key-matches-file.js';
import { mixedVariationTypes } from './mixed-variation-types.js';
import { patternBacktracking } from './pattern-backtracking.js';
import { patternCompiles } from './pattern-compiles.js';
import { percentPrecision } from './percent-precision.js';
import { prerequisiteCycle } from './prerequisite-cycle.js';
import { prerequisiteDepth } from './prerequisite-depth.js';
import { rolloutTotal } from './rollout-total.js';
import { segmentOverlap } from './segment-overlap.js';
import { segmentUnused } from './segment-unused.js';
import { signingKey } from './signing-key.js';
import type { LintRule } from './types.js';
import { unknownEnvironment } from './unknown-environment.js';
import { unknownPrerequisite } from './unknown-prerequisite.js';
import { unknownSegment } from './unknown-segment.js';
import { unknownVariation } from './unknown-variation.js';

/** Every semantic rule, in code order. Add one line per rule file. */
export const RULES: readonly LintRule[] = [
  keyMatchesFile,
  duplicateKey,
  rolloutTotal,
  percentPrecision,
  unknownVariation,
  mixedVariationTypes,
  unknownEnvironment,
  unknownSegment,
  unknownPrerequisite,
  prerequisiteCycle,
  prerequisiteDepth,
  patternCompiles,
  patternBacktracking,
  expiresRequired,
  expiresPast,
  segmentOverlap,
  segmentUnused,
  dateOperand,
  signingKey,
  duplicateKeyId,
  bundleTtl,
];
