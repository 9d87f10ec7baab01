/**
 * MurmurHash3 x86_32 over the UTF-8 bytes of a string, computed straight from UTF-16 code units
 * (no TextEncoder, no byte array), so hashing allocates nothing. The hash can start from a
 * precomputed prefix state: bucketing hashes `salt + ':' + value` without concatenating them.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** The hash state after some bytes: full blocks mixed into `h`, then the bytes not yet mixed. */
export interface HashState {
  readonly h: number;
  /** Up to 3 pending bytes (low 24 bits) and their count (bits 24 and 25): one field, not two. */
  readonly tail: number;
  readonly len: number;
}

function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number, k: number, n: number, len: number): number {
  if (n > 0) {
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Mutable scratch for the rare non-ASCII path; single-threaded, never escapes a call.
let sh = 0, sk = 0, sn = 0, slen = 0;

function pushByte(b: number): void {
  sk |= b << (sn << 3);
  slen++;
  if (++sn === 4) {
    sh = mixBlock(sh, sk);
    sk = 0;
    sn = 0;
  }
}

function pushCodePoint(cp: number): void {
  if (cp < 0x80) pushByte(cp);
  else if (cp < 0x800) {
    pushByte(0xc0 | (cp >> 6));
    pushByte(0x80 | (cp & 63));
  } else if (cp < 0x10000) {
    pushByte(0xe0 | (cp >> 12));
    pushByte(0x80 | ((cp >> 6) & 63));
    pushByte(0x80 | (cp & 63));
  } else {
    pushByte(0xf0 | (cp >> 18));
    pushByte(0x80 | ((cp >> 12) & 63));
    pushByte(0x80 | ((cp >> 6) & 63));
    pushByte(0x80 | (cp & 63));
  }
}

/** Continues from code unit `i` with the UTF-8 encoding (lone surrogates become U+FFFD, as TextEncoder does). */
function feedUtf8(text: string, i: number): void {
  const end = text.length;
  while (i < end) {
    let cp = text.charCodeAt(i++);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const next = i < end ? text.charCodeAt(i) : 0;
      if (cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else cp = 0xfffd;
    }
    pushCodePoint(cp);
  }
}

/** Hashes `text` as if appended to the bytes `state` has seen; returns the unsigned 32-bit hash. */
export function hashFrom(state: HashState, text: string): number {
  let h = state.h, k = state.tail & 0xffffff, n = state.tail >>> 24;
  const end = text.length;
  let i = 0;
  // ASCII fast path: one byte per code unit.
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) break;
    k |= c << (n << 3);
    if (++n === 4) {
      h = mixBlock(h, k);
      k = 0;
      n = 0;
    }
  }
  if (i === end) return finish(h, k, n, state.len + end);
  sh = h; sk = k; sn = n; slen = state.len + i;
  feedUtf8(text, i);
  return finish(sh, sk, sn, slen);
}

/** The state after hashing `text` from `seed`, to resume with {@link hashFrom}. */
export function hashState(text: string, seed = 0): HashState {
  sh = seed | 0; sk = 0; sn = 0; slen = 0;
  feedUtf8(text, 0);
  return { h: sh, tail: sk | (sn << 24), len: slen };
}

/**
 * MurmurHash3 x86_32 of the UTF-8 bytes of `text`, as an unsigned 32-bit integer.
 * @example murmur3('hello') // 613153351
 */
export function murmur3(text: string, seed = 0): number {
  return hashFrom({ h: seed | 0, tail: 0, len: 0 }, text);
}
