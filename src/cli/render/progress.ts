import type { Output } from '../output.js';

const WIDTH = 30;

/** A one-line progress bar on stderr, drawn only on a terminal and only for long runs. */
export function createProgress(out: Output, label: string, options: { minTotal?: number } = {}): {
  update: (done: number, total: number) => void;
  done: () => void;
} {
  const enabled = out.isTTY && Boolean(process.stderr.isTTY);
  let drawn = false;
  let last = -1;
  return {
    update(done, total) {
      if (!enabled || total < (options.minTotal ?? 200)) return;
      const filled = Math.round((done / total) * WIDTH);
      if (filled === last && done !== total) return;
      last = filled;
      drawn = true;
      out.stderr(`\r${label} [${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${total}`);
    },
    done() {
      if (drawn) out.stderr('\r\x1b[2K');
    },
  };
}
