import { describe, expect, it } from 'vitest';
import { formatCalmDuration, formatDuration, formatValue, type Unit } from '../../rules/format.js';

describe('formatValue', () => {
  it.each<[string, number | null, Unit, string]>([
    ['an error rate of 0.0051 reads as a percentage', 0.0051, 'pct', '0.51%'],
    ['the 0.5% gate drops trailing zeros', 0.005, 'pct', '0.5%'],
    ['payments at 99.49% keep two decimals', 0.9949, 'pct', '99.49%'],
    ['a percentage rounds to two decimals', 0.123456, 'pct', '12.35%'],
    ['a latency keeps one decimal', 129.94, 'ms', '129.9 ms'],
    ['a whole latency has no decimal point', 125, 'ms', '125 ms'],
    ['a positive delta carries a plus sign', 0.031, 'delta', '+3.1%'],
    ['a negative delta carries a minus sign', -0.05, 'delta', '-5%'],
    ['a zero delta reads as +0%', 0, 'delta', '+0%'],
    ['a ratio rounds to two decimals with an x', 2.456, 'x', '2.46x'],
    ['dollars always show cents', 12.5, 'usd', '$12.50'],
    ['a count is rounded to a whole number', 99.6, 'count', '100'],
    ['a missing value is a dash', null, 'pct', '—'],
    ['NaN is a dash, not "NaN%"', Number.NaN, 'pct', '—'],
    ['+Infinity is a dash', Number.POSITIVE_INFINITY, 'ms', '—'],
    ['-Infinity is a dash', Number.NEGATIVE_INFINITY, 'delta', '—'],
  ])('%s', (_name, value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each<[string, number, string]>([
    ['zero is 0s', 0, '0s'],
    ['a partial second rounds down', 999, '0s'],
    ['under a minute shows seconds only', 45_000, '45s'],
    ['a whole minute drops the seconds', 60_000, '1m'],
    ['one millisecond short of ten minutes is 9m59s', 599_999, '9m59s'],
    ['ten minutes is 10m', 600_000, '10m'],
    ['a whole hour pads the minutes', 3_600_000, '1h00m'],
    ['65 minutes is 1h05m', 3_900_000, '1h05m'],
    ['past an hour the seconds are dropped', 5_399_000, '1h29m'],
    ['ninety minutes is 1h30m', 5_400_000, '1h30m'],
    ['a negative duration is clamped to 0s', -5_000, '0s'],
  ])('%s', (_name, ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('calm durations (a screen that need not redraw every second)', () => {
  it.each([
    [0, '0s'], [4_999, '0s'], [5_000, '5s'], [59_999, '55s'], [60_000, '1m'], [119_999, '1m'], [885_000, '14m'], [3_660_000, '1h01m'],
  ])('%d ms reads "%s"', (ms, text) => expect(formatCalmDuration(ms)).toBe(text));
});
