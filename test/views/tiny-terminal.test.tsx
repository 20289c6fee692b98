/**
 * Observed: at 40×12 the compact frame was taller than the terminal, so the
 * header (status, weight, recommendation) scrolled away and the IC saw only
 * gate rows. Below the compact size the header stays and the body shows the
 * most urgent rows first, within the terminal's rows and columns.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../views/App.js';
import { plain, settle } from './helpers.js';
import { renderSized } from './render-sized.js';
import { sampleModel } from './sample-model.js';

let unmount: (() => void) | null = null;
afterEach(() => unmount?.());

function frame(variant: Parameters<typeof sampleModel>[0], columns: number, rows: number): string[] {
  const r = renderSized(<App model={sampleModel(variant)} onCommand={() => {}} />, columns, rows);
  unmount = r.unmount;
  return plain(r.lastFrame() ?? '').split('\n');
}

async function afterKeys(columns: number, rows: number, keys: string[]): Promise<string[]> {
  const r = renderSized(<App model={sampleModel('breaching')} onCommand={() => {}} />, columns, rows);
  unmount = r.unmount;
  for (const k of keys) {
    r.stdin.write(k);
    await settle();
  }
  return plain(r.lastFrame() ?? '').split('\n');
}

const fits = (lines: string[], columns: number, rows: number) => {
  expect(lines.length).toBeLessThanOrEqual(rows);
  expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(columns);
};

describe('a terminal smaller than 80×24', () => {
  it('keeps the header on the first lines and fits 40×12', () => {
    const lines = frame('healthy', 40, 12);
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(40);
    expect(lines[1]).toMatch(/^Phase \d\/4 · \d+% · running/);
    expect(lines[2]).toMatch(/GREEN\s+GO/);
    expect(lines[3]).toMatch(/^12\/12 GREEN · 0 breaching · 0 fired$/);
    expect(lines.some((l) => /^\+\d+ more: 80×24 shows every gate/.test(l))).toBe(true);
  });

  it('shows a breaching trigger and the non-GREEN gates before any GREEN gate', () => {
    const lines = frame('breaching', 40, 12);
    const body = lines.slice(4);
    const firstGreen = body.findIndex((l) => l.startsWith('✔'));
    const urgent = body.findIndex((l) => /^[✖▲?●◉!]/.test(l));
    expect(urgent).toBeGreaterThanOrEqual(0);
    expect(firstGreen === -1 || urgent < firstGreen).toBe(true);
  });

  it.each([['help', ['?'], /help needs 80×24/], ['the override prompt', ['a'], /override|blocked/i], ['the rollback question', ['r'], /ROLL BACK|roll back/i]])('%s at 40×12 keeps the header and fits', async (_name, keys, shown) => {
    const lines = await afterKeys(40, 12, keys as string[]);
    expect(lines.join('\n')).toMatch(shown as RegExp);
    fits(lines, 40, 12);
    expect(lines[1]).toMatch(/^Phase \d\/4 · \d+% · /);
  });
});
