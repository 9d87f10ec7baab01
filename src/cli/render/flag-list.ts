import type { ChalkInstance } from 'chalk';
import type { EnvironmentState, FlagListing } from '../../core/list.js';
import type { Output } from '../output.js';

/** `flags list`: a table of flags × environments, or the same as JSON. */
export function renderFlagList(rows: FlagListing[], out: Output, format: 'text' | 'json'): void {
  if (format === 'json') {
    out.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) {
    out.stdout('no flags\n');
    return;
  }
  const c = out.color;
  const envs = rows[0]!.environments.map((e) => e.environment);
  const withAge = rows.some((r) => r.ageDays !== undefined);
  const header = ['FLAG', 'KIND', 'OWNER', ...envs.map((e) => e.toUpperCase()), 'EXPIRES', ...(withAge ? ['AGE'] : [])];
  const table = rows.map((row) => [
    row.key,
    row.kind ?? '',
    row.owner ?? '',
    ...row.environments.map(describeState),
    row.expires ? `${row.expires}${row.expired ? ' (expired)' : ''}` : '',
    ...(withAge ? [row.ageDays === undefined ? '' : `${row.ageDays}d`] : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[], paint: (cell: string, i: number) => string) =>
    cells.map((cell, i) => paint(cell.padEnd(widths[i]!), i)).join('  ').trimEnd();
  out.stdout(`${line(header, (cell) => c.bold(cell))}\n`);
  for (const [r, cells] of table.entries()) {
    out.stdout(`${line(cells, (cell, i) => paintCell(c, cell, i, rows[r]!))}\n`);
  }
}

/** `on`, `killed`, `rollout on 5%`, `off +1 rule`, `off (not set)`. */
export function describeState(state: EnvironmentState): string {
  const main = state.rollout
    ? `rollout ${Object.entries(state.rollout).map(([name, pct]) => `${name} ${pct}%`).join(' / ')}`
    : state.state;
  const rules = state.rules > 0 ? ` +${state.rules} rule${state.rules === 1 ? '' : 's'}` : '';
  return `${main}${rules}${state.configured ? '' : ' (not set)'}`;
}

function paintCell(c: ChalkInstance, cell: string, column: number, row: FlagListing): string {
  const env = column - 3;
  if (env >= 0 && env < row.environments.length) {
    const state = row.environments[env]!.state;
    return state === 'killed' ? c.red(cell) : state === 'rollout' ? c.yellow(cell) : state === 'on' ? c.green(cell) : cell;
  }
  if (column === 3 + row.environments.length && row.expired) return c.red(cell);
  return column === 0 ? c.cyan(cell) : cell;
}
