import { BUCKETS } from '../bundle/types.js';
import { hashFrom, hashState, type HashState } from './murmur3.js';

/**
 * The bucket (0 … 99,999) a value falls in for a salt: `murmur3(salt + ':' + value) % 100000`.
 * @example bucketOf('new-pdf-engine', 'acct_1001')
 */
export function bucketOf(salt: string, value: string): number {
  return hashFrom(hashState(salt + ':'), value) % BUCKETS;
}

/** A salt hashed once at load; {@link bucketFor} then hashes only the value. */
export function prepareSalt(salt: string): HashState {
  return hashState(salt + ':');
}

export function bucketFor(salt: HashState, value: string): number {
  return hashFrom(salt, value) % BUCKETS;
}
