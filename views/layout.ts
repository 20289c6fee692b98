/**
 * Which of the three layouts a terminal gets. Compact keeps every gate and
 * trigger on an 80×24 screen; standard is the 120×40 target; wide (200×60)
 * has room for everything: the chart, the per-journey table, the event log.
 */
export type LayoutName = 'compact' | 'standard' | 'wide';

/** Below either, the standard layout would wrap or scroll: compact. */
export const STANDARD_MIN = { columns: 100, rows: 30 } as const;
/** From both, the three-column layout with the chart fits. */
export const WIDE_MIN = { columns: 180, rows: 50 } as const;

export function layoutFor(columns: number, rows: number): LayoutName {
  if (columns < STANDARD_MIN.columns || rows < STANDARD_MIN.rows) return 'compact';
  if (columns >= WIDE_MIN.columns && rows >= WIDE_MIN.rows) return 'wide';
  return 'standard';
}

const BY_SIZE: readonly LayoutName[] = ['wide', 'standard', 'compact'];

/**
 * The layout the size asks for, or a smaller one when this model would not
 * fit it: a window with more journeys, gates or notices needs more rows, and
 * a frame taller than the terminal scrolls its header away. `needs` is the
 * rows a layout takes with no event line.
 */
export function fittingLayout(columns: number, rows: number, needs: (layout: LayoutName) => number): LayoutName {
  const preferred = layoutFor(columns, rows);
  return BY_SIZE.slice(BY_SIZE.indexOf(preferred)).find((l) => l === 'compact' || needs(l) <= rows) ?? 'compact';
}
