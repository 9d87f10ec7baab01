import type { Shares } from './shares.js';

const PERCENT = /(?<![\d.])(\d+(?:\.\d+)?)(?=\s?%)/g;

/**
 * Rewrites the percentages a text quotes ("about 5% of accounts") from the old shares to the
 * new ones. A number two variations shared before and that now differ stays as written: which
 * one the text meant cannot be known.
 */
export function renamePercents(text: string, before: Shares, after: Shares): string {
  const moves = percentMoves(before, after);
  return text.replace(PERCENT, (digits) => {
    const next = moves.get(Number(digits));
    return next === undefined || next === null ? digits : String(next);
  });
}

/** old percentage → new one; null when ambiguous. */
function percentMoves(before: Shares, after: Shares): Map<number, number | null> {
  const moves = new Map<number, number | null>();
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[name] ?? 0, to = after[name] ?? 0;
    const known = moves.get(from);
    moves.set(from, known === undefined || known === to ? to : null);
  }
  for (const [from, to] of moves) if (to === from) moves.delete(from);
  return moves;
}
