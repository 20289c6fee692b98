/**
 * One-line gate and trigger cells for short terminals: symbol, label and
 * value always; then the most useful tail that fits whole.
 */
import { describe, expect, it } from 'vitest';
import { gateCell, triggerCell } from '../../views/grid-cells.js';
import { sampleModel } from './sample-model.js';

const cols = { label: 22, value: 6 };
/** Trigger cells print "now " before the value column. */
const triggerCols = { label: 22, value: 6 };
const breaching = sampleModel('breaching').triggers[0]!;
const armed = sampleModel('healthy').triggers[0]!;
const fired = sampleModel('rolled-back').triggers[0]!;
const stale = sampleModel('stale').triggers[2]!;

describe('triggerCell', () => {
  it.each([
    // 4m10s of a 10m window: 2.5 of 6 cells, rounded up.
    ['a breaching trigger with room for bar, checks and countdown', breaching, 74, '[███░░░] 1/2 fires in 5m50s'],
    ['a breaching trigger drops the bar before the checks', breaching, 54, '1/2 fires in 5m50s'],
    ['a breaching trigger keeps the countdown last of all', breaching, 50, 'fires in 5m50s'],
    ['an armed trigger shows the condition it fires on, window included', armed, 70, 'fires > 120 ms for 10m'],
    ['an armed trigger short of room drops the window, never the comparison', armed, 50, 'fires > 120 ms'],
    ['a fired trigger says when', fired, 50, 'FIRED 14:31'],
    ['a fired trigger with room adds its condition', fired, 65, 'fires > 120 ms · FIRED 14:31'],
    ['a fired trigger with more room keeps its whole condition', fired, 80, 'fires > 120 ms for 10m · FIRED 14:31'],
    ['an armed trigger without data says why', stale, 50, 'stale (4m old)'],
    ['an armed trigger without data and room to spare adds its condition', stale, 70, 'fires > 0.5% · stale (4m old)'],
    ['a breaching trigger with no room shows no tail rather than a cut word', breaching, 37, ''],
  ])('%s', (_name, t, width, tail) => {
    const c = triggerCell(t, triggerCols, width);
    expect(c.tail).toBe(tail);
    expect(2 + [...c.head].length + (c.tail ? 1 + [...c.tail].length : 0)).toBeLessThanOrEqual(width);
  });
});

describe('gateCell', () => {
  const green = sampleModel('healthy').gates[5]!;
  const yellow = sampleModel('breaching').gates[1]!;
  it.each([
    ['a GREEN gate with room prints its comparison', green, 50, '≥ limit 99.5%'],
    ['a GREEN gate without room drops the comparison whole', green, 35, ''],
    ['a YELLOW gate adds its comparison and what its reason says beyond it', yellow, 90, '≤ limit 130 ms but > 120 ms rollback trigger'],
    ['a YELLOW gate short of room keeps what the reason adds, itself a true comparison', yellow, 70, '> 120 ms rollback trigger'],
    ['a YELLOW gate cuts its reason at a word', yellow, 50, '> 120 ms rollback…'],
    ['a YELLOW gate with no room for a useful cut adds nothing', yellow, 38, ''],
  ])('%s', (_name, g, width, tail) => {
    expect(gateCell(g, cols, width).tail).toBe(tail);
  });
});
