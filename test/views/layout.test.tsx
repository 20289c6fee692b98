/**
 * The target terminal is 120×40: everything must fit without scrolling, and
 * no line may run past the right edge at any width (Ink would wrap it and
 * shift every row below).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../views/App.js';
import { plain, settle } from './helpers.js';
import { renderSized } from './render-sized.js';
import { sampleModel, type Variant } from './sample-model.js';

const VARIANTS: Variant[] = ['healthy', 'breaching', 'rolled-back', 'stale'];
let unmounts: (() => void)[] = [];
afterEach(() => {
  for (const u of unmounts) u();
  unmounts = [];
});

function show(variant: Variant, columns: number, rows = 40, patch?: Parameters<typeof sampleModel>[1]) {
  const model = sampleModel(variant, (m) => {
    m.flash = { text: 'report copied to the clipboard', tone: 'info' };
    patch?.(m);
  });
  const r = renderSized(<App model={model} onCommand={() => {}} />, columns, rows);
  unmounts.push(r.unmount);
  return { ...r, frame: () => plain(r.lastFrame()) };
}

const widths = (frame: string) => frame.split('\n').map((line) => [...line].length);

describe('layout', () => {
  it.each(VARIANTS)('the %s window fits 120×40 with flash, notices and footer', (variant) => {
    const f = show(variant, 120).frame();
    expect(f.split('\n').length).toBeLessThanOrEqual(40);
    expect(Math.max(...widths(f))).toBeLessThanOrEqual(120);
    expect(f).toContain('report copied to the clipboard');
    expect(f.trimEnd().split('\n').at(-1)).toMatch(/q\s+quit/);
  });

  it('at 120 columns nothing essential is cut: gates, limits, notes and marks are whole', () => {
    const f = show('stale', 120).frame();
    expect(f).toMatch(/organic-landing .*\(not gated\)/);
    expect(f).toMatch(/\? 5xx rate\s+— limit 0\.5%\s+stale \(4m old\)/);
    expect(f).toMatch(/✔ Cost\/user vs control\s+\+1\.2% within limit ±5%/);
    const b = show('breaching', 120).frame();
    expect(b).toContain('! P95 gate 130 ms is looser than the 120 ms trigger: between them a critical journey is YELLOW and rolls back after 10m');
  });

  it('the override prompt replaces the event log and still fits 120×40', async () => {
    const r = show('breaching', 120);
    r.stdin.write('a');
    await settle();
    const f = r.frame();
    expect(f).toContain('Override, advance');
    expect(f.split('\n').length).toBeLessThanOrEqual(40);
    expect(Math.max(...widths(f))).toBeLessThanOrEqual(120);
  });

  it.each([80, 100])('truncates rather than wraps at %i columns', (columns) => {
    for (const variant of VARIANTS) {
      const f = show(variant, columns, 60, (m) => (m.header.because = 'x'.repeat(300))).frame();
      expect(Math.max(...widths(f))).toBeLessThanOrEqual(columns);
      // Wrapping would push the long reason onto a second line; truncation keeps one line per row.
      expect(f.split('\n').filter((l) => l.includes('xxxx'))).toHaveLength(1);
    }
  });
});
