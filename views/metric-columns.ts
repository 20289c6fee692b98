/**
 * Column layout for a KPI panel's rows, decided once per panel so the rows
 * line up: label, canary/control, then Δ and the limit only if they fit the
 * panel's width (whole columns are dropped, never cut), and the note of a
 * row that is not GREEN in whatever room is left.
 */
import { cell } from './bar.js';
import { clipWords, widest } from './fit.js';
import type { MetricRowModel } from './view-model.js';

export interface MetricColumns {
  label: number;
  pair: number;
  /** 0: the column is not shown. */
  delta: number;
  limit: number;
  width: number;
}

/** Below this many columns a note says nothing useful; it is left out instead. */
const MIN_NOTE = 8;

export const pairText = (row: Pick<MetricRowModel, 'canary' | 'control'>): string => `${row.canary}/${row.control}`;

export function metricColumns(rows: readonly MetricRowModel[], width: number): MetricColumns {
  const pair = widest(rows.map(pairText));
  // Two columns for the symbol and its space, one before the pair.
  const label = Math.max(3, Math.min(widest(rows.map((r) => r.label)), width - 3 - pair));
  let used = 2 + label + 1 + pair;
  const optional = (texts: string[]): number => {
    const w = widest(texts);
    if (w === 0 || used + 1 + w > width) return 0;
    used += 1 + w;
    return w;
  };
  // Δ first: "+1.2% against control" says more than the limit printed in the panel title.
  const delta = optional(rows.map((r) => r.delta));
  const limit = optional(rows.map((r) => r.limit));
  return { label, pair, delta, limit, width };
}

/**
 * The row after its symbol: "5xx        0.12%/0.10% ≤ 0.5%", plus the note when there is room.
 * `values` (the pair and its Δ) is apart so a panel can grey last-good values alone.
 */
export function metricText(row: MetricRowModel, cols: MetricColumns): { label: string; values: string; limit: string; text: string; note: string } {
  const label = cell(row.label, cols.label);
  const values = [cell(pairText(row), cols.pair, 'right'), ...(cols.delta ? [cell(row.delta, cols.delta, 'right')] : [])].join(' ');
  const limit = cols.limit ? cell(row.limit, cols.limit) : '';
  const text = [label, values, ...(limit ? [limit] : [])].join(' ');
  const room = cols.width - 2 - [...text].length - 1;
  const note = row.note && room >= MIN_NOTE ? clipWords(row.note, room) : '';
  return { label, values, limit, text, note };
}
