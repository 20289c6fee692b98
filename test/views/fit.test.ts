/** Lines built to fit: free text cut at a word, parts whole or not at all, dollars as the screen prints them. */
import { describe, expect, it } from 'vitest';
import { clipWords, fitParts } from '../../views/fit.js';
import { money } from '../../views/money.js';

describe('clipWords', () => {
  it.each([
    ['leaves text that fits alone', 'all gates GREEN', 20, 'all gates GREEN'],
    ['fits exactly', 'all gates GREEN', 15, 'all gates GREEN'],
    ['cuts before the word that does not fit', 'all gates GREEN, no trigger breaching', 20, 'all gates GREEN, no…'],
    ['keeps a word that ends right at the cut', 'between them a journey', 15, 'between them a…'],
    ['drops a lone operator left at the end of the cut', '≤ 130 ms but > 120 ms rollback trigger', 16, '≤ 130 ms but…'],
    ['cuts a single long word hard rather than dropping it', 'x'.repeat(30), 10, `${'x'.repeat(9)}…`],
    ['prints only the mark in one column', 'anything', 1, '…'],
    ['prints nothing in no columns', 'anything', 0, ''],
  ])('%s', (_name, text, width, expected) => {
    expect(clipWords(text, width)).toBe(expected);
    expect([...clipWords(text, width)].length).toBeLessThanOrEqual(width);
  });
});

describe('fitParts', () => {
  it.each([
    ['all parts that fit', ['Phase 2/4', 'data 12s old', 'report in 12m'], 40, 'Phase 2/4 data 12s old report in 12m'],
    ['drops the parts past the first that does not fit, whole', ['Phase 2/4', 'data 12s old', 'report in 12m'], 30, 'Phase 2/4 data 12s old'],
    ['cuts the first part at a word when even it does not fit', ['Phase 2/4 running', 'x'], 12, 'Phase 2/4…'],
  ])('%s', (_name, parts, width, expected) => {
    expect(fitParts(parts, width)).toBe(expected);
  });
});

describe('money', () => {
  it.each([
    [1500, '$1,500'],
    [1190, '$1,190'],
    [18.4, '$18.40'],
    [20, '$20'],
    [0.412, '$0.412'],
    [0.0021, '$0.0021'],
    [0, '$0'],
    [1234567.891, '$1,234,567.89'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('%s is %s', (value, expected) => {
    expect(money(value)).toBe(expected);
  });
});
