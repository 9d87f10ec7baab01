import type { Policy } from '../types.js';

/** Ops flags are the levers of incidents (maintenance mode, circuit breakers): removing one removes a lever. */
export const opsNotDeleted: Policy = {
  id: 'ops-not-deleted',
  code: 'FP005',
  description: 'ops flags cannot be deleted',
  check({ pairs }) {
    return pairs.flatMap(({ key, before, after }) => {
      if (after || before?.value?.kind !== 'ops') return [];
      return [{
        file: before,
        path: ['kind'],
        message: `"${key}" is an ops flag; removing it takes away a switch operators rely on in incidents`,
        hint: 'Keep the flag, or change its kind in an earlier, separately reviewed pull request.',
      }];
    });
  },
};
