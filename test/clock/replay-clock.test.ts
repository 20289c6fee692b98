/**
 * The replay clock the IC steers: a rush runs a wait to its end at once, a
 * pause stops time until play, a new speed applies from the moment it is set.
 * Driven by awaiting the clock itself and event-loop turns, never a sleep.
 */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { ReplayControls, SPEED_STEPS, stepSpeed, stopsRush } from '../../src/tui/replay-controls.js';

const turns = async (n: number) => { for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r)); };
const HOUR = 3_600_000;

describe('VirtualClock under the IC', () => {
  it('a rush finishes an hour-long wait at one virtual second a real second at once', async () => {
    const clock = new VirtualClock(0, 1);
    const waited = clock.wait(HOUR);
    clock.setRushing(true);
    await waited;
    expect(clock.now()).toBe(HOUR);
  });

  it('paused, time stands still through many turns; play and a rush let it finish', async () => {
    const clock = new VirtualClock(0, 1e9);
    clock.setPaused(true);
    let done = false;
    const waited = clock.wait(HOUR).then(() => { done = true; });
    await turns(50);
    expect(done).toBe(false);
    expect(clock.now()).toBe(0);
    clock.setPaused(false);
    clock.setRushing(true);
    await waited;
    expect(clock.now()).toBe(HOUR);
  });

  it('an abort ends a paused wait without moving time', async () => {
    const clock = new VirtualClock(0, 60);
    clock.setPaused(true);
    const ac = new AbortController();
    const waited = clock.wait(HOUR, ac.signal);
    ac.abort();
    await waited;
    expect(clock.now()).toBe(0);
  });

  it('refuses a speed that is not above zero', () => {
    expect(() => new VirtualClock(0, 60).setSpeed(0)).toThrow(RangeError);
  });
});

describe('replay keys', () => {
  it('+ and - step through the speeds, from an off-list one too, and stop at the ends', () => {
    expect(stepSpeed(60, 1)).toBe(120);
    expect(stepSpeed(60, -1)).toBe(30);
    expect(stepSpeed(90, 1)).toBe(120);
    expect(stepSpeed(90, -1)).toBe(60);
    expect(stepSpeed(SPEED_STEPS.at(-1)!, 1)).toBe(SPEED_STEPS.at(-1));
    expect(stepSpeed(1, -1)).toBe(1);
  });

  it('] stops at a breach, a firing, a phase change, an action or a report, never at a plain check', () => {
    const at = '2026-11-20T04:00:00.000Z';
    expect(stopsRush({ type: 'trigger', at, id: 'p95:all', state: 'breaching', value: 130, reason: '' })).toBe(true);
    expect(stopsRush({ type: 'report', at, text: '' })).toBe(true);
    expect(stopsRush({ type: 'phase', at, phase: 2, weight: 25, windowStatus: 'running', reason: '' })).toBe(true);
    // A release drill: ] stops at T-0 (READY) and at a pre-flight change, so the IC opens on time.
    expect(stopsRush({ type: 'lifecycle', at, stage: 'READY', message: '' })).toBe(true);
    expect(stopsRush({ type: 'preflight', at, go: true, blockers: [], items: [] })).toBe(true);
    expect(stopsRush({ type: 'error', at, message: 'x' })).toBe(false);
    expect(stopsRush({ type: 'history', at, source: 's', points: 1, since: at })).toBe(false);
  });

  it('a drill the IC opens stops its clock at T-0 (READY) and plays on at the open; one that opens itself does not stop', () => {
    const at = '2026-11-20T04:00:00.000Z';
    const ready = { type: 'lifecycle', at, stage: 'READY', message: 'pre-flight GO' } as const;
    const open = { type: 'action', at, action: 'open', fromWeight: 0, toWeight: 5, reason: 'IC', operator: 'ic', ok: true, detail: 'read back 5%' } as const;
    const clock = new VirtualClock(0, 3000);
    const controls = new ReplayControls(clock, true);
    expect(controls.onEvent(ready)).toMatch(/^T-0 and pre-flight GO: the drill waits for you; o then y opens the window$/);
    expect(clock.paused).toBe(true);
    // A refused open (or any other event) leaves it waiting.
    expect(controls.onEvent({ ...open, ok: false })).toBeNull();
    expect(clock.paused).toBe(true);
    expect(controls.onEvent(open)).toBe('window open; replay playing at ×3000');
    expect(clock.paused).toBe(false);
    const unattended = new VirtualClock(0, 3000);
    expect(new ReplayControls(unattended, false).onEvent(ready)).toBeNull();
    expect(unattended.paused).toBe(false);
  });
});
