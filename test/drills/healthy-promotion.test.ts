/**
 * The healthy drill, played by an IC who presses advance at every check:
 * every press before a phase's minimum time is served is refused with the
 * time left, each phase is left at the first check its time is served and
 * not one earlier (5% → 25% at minute 90, → 50% at 150, → 100% at 240), leaving
 * 50% is refused until the gate review names who approved, and the window is
 * promoted after two hours at 100% (minute 360). The drill's score agrees.
 * Headless, with no IC, the same drill never advances by itself.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VirtualClock } from '../../src/clock/virtual-clock.js';
import { scoreDrill } from '../../src/engine/drill-score.js';
import type { EngineEvent } from '../../src/engine/events.js';
import { createEngine } from '../../src/run/create-engine.js';
import { resolveDrill } from '../../src/run/drill-library.js';
import { runHeadless } from '../../src/run/headless.js';
import { setupWindow } from '../../src/run/setup-window.js';

const drill = resolveDrill('drill-healthy-promotion');
const setupDrill = () => setupWindow({ fixture: drill, headless: true, auditDir: mkdtempSync(join(tmpdir(), 'canary-promotion-')), operator: 'ic-drill' }, {}, Date.parse('2026-12-02T00:00:00Z'));

describe('drill-healthy-promotion', { timeout: 60_000 }, () => {
  it('promotes at minute 360, each phase left at the first check its time is served, never earlier', async () => {
    const setup = await setupDrill();
    const clock = setup.clock as VirtualClock;
    const engine = createEngine(setup);
    const start = clock.now();
    const events: EngineEvent[] = [];
    engine.on((e) => events.push(e));
    await engine.start();
    const accepted: string[] = [];
    const refusals: Array<{ minute: number; weight: number; detail: string }> = [];
    for (let minute = 0; minute <= 370 && engine.state.status === 'running'; minute++) {
      await engine.check();
      const weight = engine.state.weight;
      let r = await engine.actions.advance('ic-drill', {});
      if (!r.ok && /needs a recorded gate review/.test(r.detail)) {
        refusals.push({ minute, weight, detail: r.detail });
        r = await engine.actions.advance('ic-drill', { approvedBy: 'CEO (gate review)' });
      }
      const status: string = engine.state.status;
      if (r.ok) accepted.push(`${minute}: ${weight}% → ${status === 'promoted' ? 'promoted' : `${engine.state.weight}%`}`);
      else refusals.push({ minute, weight, detail: r.detail });
      clock.advance(60_000);
    }
    expect(accepted).toEqual(['90: 5% → 25%', '150: 25% → 50%', '240: 50% → 100%', '360: 100% → promoted']);
    expect(engine.state.status).toBe('promoted');
    // Every earlier press was refused, and said how long was left.
    expect(refusals.find((r) => r.minute === 89)).toMatchObject({ weight: 5, detail: 'refused: minimum time not served (1h29m of 1h30m)' });
    expect(refusals.filter((r) => r.weight === 5)).toHaveLength(90); // minutes 0-89
    expect(refusals.filter((r) => r.weight === 100)).toHaveLength(119); // minutes 241-359
    // At 50% the first press with the time served lacked the gate review.
    expect(refusals.filter((r) => r.weight === 50 && /gate review/.test(r.detail)).map((r) => r.minute)).toEqual([240]);
    const promotedAt = (clock.now() - 60_000 - start) / 60_000;
    expect(promotedAt).toBe(360);
    expect(scoreDrill(events, engine.state.status, setup.drillExpect)).toMatchObject({ outcome: 'promoted', asExpected: true, overrides: [] });
  });

  it('headless, with nobody at the keys, it stays at 5% and the score says the promotion was not made', async () => {
    const setup = await setupDrill();
    const lines: Array<Record<string, any>> = [];
    const outcome = await runHeadless(setup, { write: (l) => lines.push(JSON.parse(l)) }, new AbortController().signal);
    expect(outcome).toBe('ended');
    expect(lines.some((l) => l.type === 'action' && l.action === 'advance')).toBe(false);
    expect(lines.filter((l) => l.type === 'check').every((c) => c.weight === 5 && c.status === 'GREEN')).toBe(true);
    expect(lines.at(-1)).toMatchObject({ type: 'score', outcome: 'ended', expected: { outcome: 'promoted', atMinute: 360 }, asExpected: false });
  });
});
