/** Pure edits of flag files: text in, text out, every byte outside the edited value kept. */
export { setRollout, type RampEdit, type RampOptions } from './rollout.js';
export { setKilled, type KillOptions } from './kill.js';
export type { FlagEdit } from './types.js';
export { describeServe, describeRamp, formatPercent, unitOf } from './words.js';
export { defaultShares, describeMove, formatShares, type Shares } from './shares.js';
export { renamePercents } from './percent-text.js';
export {
  updateDistributionSpecs, type DistributionAt, type DistributionSkip, type DistributionUpdate, type SpecEditOptions, type SpecFileEdit,
} from './distribution-specs.js';
