/**
 * Golden frames of the whole war room, ANSI stripped, for a healthy, a
 * breaching and a stale-data window at 80×24, 120×40 and 200×60 (the
 * Argo Rollouts habit: the rendered screen compared to a stored string).
 * UPDATE_GOLDEN=1 rewrites test/views/golden/*.txt; review the diff.
 *
 * Snapshots alone prove nothing new is broken only if the stored frame was
 * right, so each frame is also checked for what it must hold: it fits the
 * terminal, every gate and trigger is there, the footer lists the live keys,
 * and the status symbols show.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../views/App.js';
import { activeKeys } from '../../views/keys.js';
import { INITIAL_UI } from '../../views/ui-state.js';
import type { ViewModel } from '../../views/view-model.js';
import { plain } from './helpers.js';
import { renderSized } from './render-sized.js';
import { sampleModel } from './sample-model.js';

const GOLDEN = new URL('./golden/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const VARIANTS = ['healthy', 'breaching', 'stale'] as const;
const SIZES = [[80, 24], [120, 40], [200, 60]] as const;

let unmounts: (() => void)[] = [];
afterEach(() => {
  for (const u of unmounts) u();
  unmounts = [];
});

function frameOf(model: ViewModel, columns: number, rows: number): string {
  const r = renderSized(<App model={model} onCommand={() => {}} />, columns, rows);
  unmounts.push(r.unmount);
  return plain(r.lastFrame());
}

function compareGolden(name: string, frame: string): void {
  const file = new URL(`${name}.txt`, GOLDEN);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, `${frame}\n`);
    return;
  }
  let stored: string;
  try {
    stored = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`no golden frame ${name}.txt: run UPDATE_GOLDEN=1 npx vitest run test/views/golden.test.tsx and review it`);
  }
  expect(frame).toBe(stored.replace(/\n$/, ''));
}

const lines = (frame: string) => frame.split('\n');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the variant must show besides the ✔ of its green gates. */
const SYMBOLS: Record<(typeof VARIANTS)[number], string[]> = {
  healthy: ['✔', '·', '▲'], // ▲: the largest transaction is at 92% of its cap
  breaching: ['✔', '▲', '✖'], // ✖: the largest transaction has reached its cap
  stale: ['✔', '?'],
};

describe.each(VARIANTS)('the %s window', (variant) => {
  const model = sampleModel(variant);

  describe.each(SIZES)('at %i×%i', (columns, rows) => {
    const frame = frameOf(model, columns, rows);

    it('matches its golden frame', () => {
      compareGolden(`${variant}-${columns}x${rows}`, frame);
    });

    it('fits the terminal: no line longer than the width, no more lines than the height', () => {
      expect(lines(frame).length).toBeLessThanOrEqual(rows);
      for (const line of lines(frame)) expect([...line].length, line).toBeLessThanOrEqual(columns);
    });

    it('lists exactly the keys that act now, in order, on the last line', () => {
      const footer = lines(frame).at(-1)!;
      const keys = activeKeys(model, INITIAL_UI);
      expect(footer).toMatch(new RegExp(keys.map((k) => `${escape(k.key)}\\s+${escape(k.label)}${k.dangerous ? ' \\(!\\)' : ''}`).join('\\s+')));
      if (variant !== 'healthy') expect(footer).toContain('override…');
    });

    it('shows every gate and every trigger by its label', () => {
      for (const g of model.gates) expect(frame).toContain(g.label);
      for (const t of model.triggers) expect(frame).toContain(t.label);
    });

    it('shows status as symbols, so it reads under NO_COLOR', () => {
      for (const symbol of SYMBOLS[variant]) expect(frame).toContain(symbol);
      expect(frame).toContain(`${model.header.recommendation} — `);
    });

    it('carries the header: release, mode, phase and weight, data freshness', () => {
      expect(frame).toContain('checkout-api v20250114.1 (3f9c2ab) · us-west-2');
      expect(frame).toContain(' REHEARSAL ×60 ');
      expect(frame).toContain(`${model.header.phase} · ${model.header.weight}% · running`);
      expect(frame).toContain(model.header.dataStale ? `▲ ${model.header.freshness}` : model.header.freshness);
    });

    it('titles every panel its layout shows', () => {
      const titles = columns === 80
        ? ['Gates', 'Rollback triggers', 'Latency P95 ≤ 130 ms', 'Caps', 'Events']
        : ['Latency', 'Gates', 'Errors', 'Payments', 'Infra', 'Economics', 'Funnels', 'Top anomalies', 'Rollback triggers', 'Events'];
      for (const title of titles) expect(frame).toMatch(new RegExp(`(^|\\s)${escape(title)}(\\s|$)`, 'm'));
      if (columns === 200) expect(frame).toMatch(/^P95 this phase {2}─ canary {2}· control {2}╌ gate 130 ms/m);
    });
  });
});

describe('content of the compact frame', () => {
  it('keeps the countdown of a breaching trigger and the latency of every gated journey at 80×24', () => {
    const frame = frameOf(sampleModel('breaching'), 80, 24);
    expect(frame).toMatch(/▲ P95 checkout\s+now 125 ms .*fires in 5m50s/);
    expect(frame).toMatch(/Latency P95 ≤ 130 ms {2}✔ all 104\/101 {2}▲ checkout 125\/108 {2}✔ search 96\/95/);
    expect(frame).toContain('▲ tag CEO');
  });

  it('says why data is missing on the trigger row at 80×24', () => {
    expect(frameOf(sampleModel('stale'), 80, 24)).toMatch(/· 5xx rate\s+now\s+— stale \(4m old\)/);
  });
});
