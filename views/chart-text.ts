/**
 * Canary P95 against control P95 with the phase's gate as a flat line, drawn
 * by asciichart and fitted to a box. A chart two columns too wide corrupted
 * the screen in a measurement (issue 4), so the width is computed, not hoped
 * for: asciichart prints `label + axis + one column per point`, the label
 * gutter counts, and the series are downsampled to the columns that are left.
 *
 * The three lines are plotted separately on one scale and laid over each
 * other, each with its own strokes, so they stay apart under NO_COLOR.
 */
import { plot, type PlotConfig } from 'asciichart';

export type ChartSeries = 'canary' | 'control' | 'threshold' | 'axis';

export interface ChartSegment {
  text: string;
  series: ChartSeries;
}

type Symbols = NonNullable<PlotConfig['symbols']>;

/** asciichart's strokes: axis cross, axis tick, then the line pieces. */
const SOLID: Symbols = ['┼', '┤', '╶', '╴', '─', '╰', '╭', '╮', '╯', '│'];
const DOTTED: Symbols = ['┼', '┤', '·', '·', '·', '·', '·', '·', '·', '·'];
const DASHED: Symbols = ['┼', '┤', '╌', '╌', '╌', '╌', '╌', '╌', '╌', '╌'];

export const STROKE: Record<Exclude<ChartSeries, 'axis'>, string> = { canary: '─', control: '·', threshold: '╌' };

/** Worst (highest) value of each bucket: a P95 spike must not be averaged away by downsampling. */
export function downsample(values: readonly number[], columns: number): number[] {
  const clean = values.filter(Number.isFinite);
  if (columns <= 0) return [];
  if (clean.length <= columns) return clean;
  const out: number[] = [];
  for (let i = 0; i < columns; i++) {
    const from = Math.floor((i * clean.length) / columns);
    const to = Math.max(from + 1, Math.floor(((i + 1) * clean.length) / columns));
    out.push(Math.max(...clean.slice(from, to)));
  }
  return out;
}

export interface ChartInput {
  canary: readonly number[];
  control: readonly number[];
  threshold: number;
}

/**
 * Rows of at most `width` columns and `height` lines, or null when neither
 * series has a point yet. Each row is split into segments by series, for colour.
 */
export function chartRows(input: ChartInput, width: number, height: number): ChartSegment[][] | null {
  const all = [...input.canary, ...input.control].filter(Number.isFinite);
  if (all.length === 0 || height < 2) return null;
  let min = Math.min(...all, input.threshold);
  let max = Math.max(...all, input.threshold);
  if (max - min < 2) [min, max] = [min - 1, max + 1];
  const label = (x: number): string => x.toFixed(0);
  // At least two: a one-character label would land on the axis column and vanish.
  const gutter = Math.max(2, label(min).length, label(max).length);
  // One row is: the label (gutter), the axis (1), one column per point; keep a column spare at the right.
  const columns = width - gutter - 2;
  if (columns < 2) return null;
  const canary = downsample(input.canary, columns);
  const control = downsample(input.control, columns);
  const threshold = new Array<number>(Math.max(canary.length, control.length, 2)).fill(input.threshold);
  const cfg: PlotConfig = { min, max, height: height - 1, offset: 2, format: (x) => label(x).padStart(gutter).slice(-gutter) };
  const layers: [Exclude<ChartSeries, 'axis'>, string[][]][] = [];
  for (const [name, series, symbols] of [['canary', canary, SOLID], ['control', control, DOTTED], ['threshold', threshold, DASHED]] as const) {
    if (series.length > 0) layers.push([name, plot(series, { ...cfg, symbols }).split('\n').map((l) => [...l])]);
  }
  const lines = layers[0]![1].length;
  const rows: ChartSegment[][] = [];
  for (let y = 0; y < Math.min(lines, height); y++) {
    const base = layers[0]![1][y]!;
    const segments: ChartSegment[] = [{ text: base.slice(0, gutter).join(''), series: 'axis' }];
    const axis = layers.some(([, l]) => l[y]![gutter] === '┼') ? '┼' : base[gutter]!;
    push(segments, axis, 'axis');
    const length = Math.max(...layers.map(([, l]) => l[y]!.length));
    for (let x = gutter + 1; x < Math.min(length, width); x++) {
      const hit = layers.find(([, l]) => (l[y]![x] ?? ' ') !== ' ');
      push(segments, hit ? hit[1][y]![x]! : ' ', hit ? hit[0] : 'axis');
    }
    rows.push(segments);
  }
  return rows;
}

function push(segments: ChartSegment[], char: string, series: ChartSeries): void {
  const last = segments.at(-1);
  if (last && last.series === series) last.text += char;
  else segments.push({ text: char, series });
}
