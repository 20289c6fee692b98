/**
 * The P95 chart never leaves its box: asciichart's label gutter and axis
 * count toward the width, and series longer than the box are downsampled
 * (a chart two columns too wide corrupted the screen in a measurement).
 */
import { describe, expect, it } from 'vitest';
import { chartRows, downsample, type ChartSegment } from '../../views/chart-text.js';

const text = (row: ChartSegment[]) => row.map((s) => s.text).join('');
const widthOf = (row: ChartSegment[]) => [...text(row)].length;

describe('downsample', () => {
  it.each([
    ['keeps a series that already fits', [1, 2, 3], 5, [1, 2, 3]],
    ['keeps the worst point of each bucket, so a spike survives', [1, 9, 1, 1, 2, 1], 3, [9, 1, 2]],
    ['halves an even series', [5, 6, 7, 8], 2, [6, 8]],
    ['drops NaN and infinities before anything else', [1, Number.NaN, 3, Number.POSITIVE_INFINITY], 5, [1, 3]],
    ['gives nothing for no room', [1, 2], 0, []],
  ] as const)('%s', (_name, values, columns, expected) => {
    expect(downsample(values, columns)).toEqual(expected);
  });

  it('returns exactly the columns asked for when the series is longer', () => {
    const long = Array.from({ length: 997 }, (_, i) => i);
    expect(downsample(long, 57)).toHaveLength(57);
    expect(downsample(long, 57).at(-1)).toBe(996);
  });
});

describe('chartRows', () => {
  const series = (n: number, base: number) => Array.from({ length: n }, (_, i) => base + 10 * Math.sin(i / 4));

  it.each([12, 20, 40, 62, 80, 119, 200])('never draws wider than %i columns, whatever the series length', (width) => {
    for (const n of [1, 2, 5, width - 6, width - 5, width - 4, width, 3 * width, 720]) {
      const rows = chartRows({ canary: series(n, 110), control: series(Math.max(1, n - 3), 100), threshold: 130 }, width, 10)!;
      expect(rows.length).toBeLessThanOrEqual(10);
      for (const row of rows) expect(widthOf(row)).toBeLessThanOrEqual(width);
    }
  });

  it('counts the label gutter: four-digit latencies leave fewer columns for points', () => {
    const rows = chartRows({ canary: series(500, 1500), control: series(500, 1400), threshold: 130 }, 40, 8)!;
    for (const row of rows) expect(widthOf(row)).toBeLessThanOrEqual(40);
    expect(text(rows[0]!)).toMatch(/^\d{4}[┤┼]/);
  });

  it('fits the height it is given, gutter labels spanning the gate and the values', () => {
    const rows = chartRows({ canary: [100, 104, 125], control: [100, 101, 102], threshold: 130 }, 40, 8)!;
    expect(rows).toHaveLength(8);
    expect(text(rows[0]!)).toMatch(/^130[┤┼]/);
    expect(text(rows.at(-1)!)).toMatch(/^100[┤┼]/);
  });

  it('draws the gate as a flat dashed line, canary solid and control dotted, so they read without colour', () => {
    const rows = chartRows({ canary: [110, 110, 110, 110], control: [100, 100, 100, 100], threshold: 130 }, 30, 7)!;
    const lineOf = (series: ChartSegment['series']) => rows.findIndex((r) => r.some((s) => s.series === series));
    expect(text(rows[lineOf('threshold')]!)).toContain('╌╌╌');
    expect(text(rows[lineOf('canary')]!)).toContain('───');
    expect(text(rows[lineOf('control')]!)).toContain('···');
    expect(lineOf('threshold')).toBeLessThan(lineOf('canary'));
    expect(lineOf('canary')).toBeLessThan(lineOf('control'));
  });

  it('draws canary over control where they meet', () => {
    const rows = chartRows({ canary: [100, 100, 100], control: [100, 100, 100], threshold: 130 }, 30, 6)!;
    const meet = rows.find((r) => r.some((s) => s.series === 'canary'))!;
    expect(meet.some((s) => s.series === 'control')).toBe(false);
  });

  it.each([
    ['no points yet', [], []],
    ['only NaN', [Number.NaN], [Number.NaN]],
  ])('is null with %s, so the panel can say so', (_name, canary, control) => {
    expect(chartRows({ canary, control, threshold: 130 }, 60, 10)).toBeNull();
  });

  it('draws control alone when the canary has no points yet', () => {
    const rows = chartRows({ canary: [], control: [100, 101], threshold: 130 }, 30, 6)!;
    expect(rows.some((r) => r.some((s) => s.series === 'control'))).toBe(true);
  });

  it('is null when the box is too narrow for any point', () => {
    expect(chartRows({ canary: [100], control: [100], threshold: 130 }, 4, 6)).toBeNull();
  });
});
