/**
 * Three layouts by terminal size, and a re-lay when the terminal is resized.
 * Whatever is open (a prompt, the help, a banner), the frame stays within
 * the terminal: no line longer than the width, no more lines than the height.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../views/App.js';
import { fittingLayout, layoutFor, type LayoutName } from '../../views/layout.js';
import type { ViewModel } from '../../views/view-model.js';
import { plain, settle, settleUntil } from './helpers.js';
import { renderSized } from './render-sized.js';
import { sampleModel } from './sample-model.js';

let unmounts: (() => void)[] = [];
afterEach(() => {
  for (const u of unmounts) u();
  unmounts = [];
});

function show(model: ViewModel, columns: number, rows: number) {
  const r = renderSized(<App model={model} onCommand={() => {}} />, columns, rows);
  unmounts.push(r.unmount);
  return { ...r, frame: () => plain(r.lastFrame()) };
}

function expectWithin(frame: string, columns: number, rows: number): void {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
}

describe('layoutFor', () => {
  it.each([
    [80, 24, 'compact'],
    [99, 40, 'compact'],
    [200, 29, 'compact'],
    [100, 30, 'standard'],
    [120, 40, 'standard'],
    [179, 60, 'standard'],
    [200, 49, 'standard'],
    [180, 50, 'wide'],
    [200, 60, 'wide'],
  ] as const)('%i×%i is %s', (columns, rows, layout) => {
    expect(layoutFor(columns, rows)).toBe(layout);
  });
});

describe('fittingLayout', () => {
  const needs: Record<LayoutName, number> = { wide: 48, standard: 34, compact: 20 };
  it.each([
    [200, 60, 'wide'],
    [200, 50, 'wide'],
    [180, 47, 'standard'],
    [120, 40, 'standard'],
    [120, 34, 'standard'],
    [120, 33, 'compact'],
    [100, 30, 'compact'],
    [80, 24, 'compact'],
    [80, 12, 'compact'],
  ] as const)('at %i×%i a window needing 48/34/20 rows gets %s', (columns, rows, layout) => {
    expect(fittingLayout(columns, rows, (l) => needs[l])).toBe(layout);
  });
});

/** What tells the layouts apart on screen. */
const JOURNEY_TABLE = /^journey\s+P50\s+P95\s+P99/m;
const BOXED_HEADER = /^╭─+╮$/m;
const CHART = /^P95 this phase/m;

describe('resizing the terminal re-lays the screen', () => {
  it('goes from standard to compact to wide and back as the terminal is dragged', async () => {
    const r = show(sampleModel('breaching'), 120, 40);
    expect(r.frame()).toMatch(JOURNEY_TABLE);
    expect(r.frame()).toMatch(BOXED_HEADER);
    expect(r.frame()).not.toMatch(CHART);

    r.resize(80, 24);
    await settleUntil('the compact layout', () => !JOURNEY_TABLE.test(r.frame()));
    expect(r.frame()).not.toMatch(JOURNEY_TABLE);
    expect(r.frame()).not.toMatch(BOXED_HEADER);
    expect(r.frame()).toMatch(/^Latency P95 ≤ 130 ms/m);
    expectWithin(r.frame(), 80, 24);

    r.resize(200, 60);
    await settleUntil('the wide layout', () => CHART.test(r.frame()));
    expect(r.frame()).toMatch(CHART);
    expect(r.frame()).toMatch(JOURNEY_TABLE);
    expectWithin(r.frame(), 200, 60);

    r.resize(120, 40);
    await settleUntil('the standard layout', () => !CHART.test(r.frame()));
    expect(r.frame()).not.toMatch(CHART);
    expectWithin(r.frame(), 120, 40);
  });
});

describe('the standard layout', () => {
  it('adds the chart when the terminal is taller than 40 rows', () => {
    const f = show(sampleModel('healthy'), 120, 52).frame();
    expect(f).toMatch(CHART);
    expect(f).toContain('Events');
    expectWithin(f, 120, 52);
  });

  it('falls back to compact on a 100×30 terminal, where its panels would not fit', () => {
    const f = show(sampleModel('breaching'), 100, 30).frame();
    expect(f).not.toMatch(JOURNEY_TABLE);
    expectWithin(f, 100, 30);
  });

  it('fits at 100 columns too, cutting whole cells rather than words', () => {
    const f = show(sampleModel('breaching'), 100, 40).frame();
    expectWithin(f, 100, 40);
    expect(f).not.toMatch(/limit \d…/);
  });
});

describe('the compact layout at 80×24', () => {
  it.each([
    ['the override prompt, with as many blockers as fit', 'a', /Override, advance/],
    ['the rollback confirmation', 'r', /ROLL BACK canary \d+% → 0%\?/],
    ['the help overlay', '?', /Keys \(Esc or \? closes this help\)/],
  ])('keeps %s within the screen', async (_name, key, expected) => {
    const r = show(sampleModel('breaching', (m) => (m.flash = { text: 'report copied to the clipboard', tone: 'info' })), 80, 24);
    r.stdin.write(key);
    await settle();
    expect(r.frame()).toMatch(expected);
    expectWithin(r.frame(), 80, 24);
    expect(r.frame().trimEnd().split('\n').at(-1)).toMatch(/keys go to the prompt above|\?\s+help\s+q\s+quit/);
  });

  it('shows the blockers that fit and says how many there are', async () => {
    const r = show(sampleModel('breaching'), 80, 24);
    r.stdin.write('a');
    await settle();
    expect(r.frame()).toMatch(/Advance is blocked \(4\), first [12] shown:/);
  });

  it('keeps the source-down banner, the gates and the footer within 24 rows', () => {
    const f = show(sampleModel('stale', (m) => (m.banner = 'DATA SOURCE UNREACHABLE for 3m: panels show the last good values, greyed, 4m old; advancing is blocked')), 80, 24).frame();
    expect(f).toContain('✖ DATA SOURCE UNREACHABLE for 3m');
    expect(f).toContain('B2B funnel Δ');
    expectWithin(f, 80, 24);
  });

  it('cuts a long reason at a word, never mid-word', () => {
    const because = 'trigger breaching: P95 checkout, P95 search, Cache hit, DB saturation, Cost/user vs control';
    const f = show(sampleModel('breaching', (m) => (m.header.because = because)), 80, 24).frame();
    const line = f.split('\n').find((l) => l.includes('HOLD — '))!;
    expect(line).toMatch(/…$/);
    const shown = line.slice(line.indexOf('— ') + 2, -1);
    expect(because.startsWith(shown)).toBe(true);
    // The next character of the reason is a word boundary: the cut fell between words.
    expect(because[shown.length]).toMatch(/[ ,]/);
  });
});
