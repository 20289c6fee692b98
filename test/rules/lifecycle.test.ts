/**
 * The lifecycle read off the window and the clock: countdowns to T-2h, T-1h
 * and T-0 before the window, what each step needs, the stable timer at
 * 100%, the checklist and the freeze after GA.
 */
import { describe, expect, it } from 'vitest';
import { lifecycle, type LifecycleInput } from '../../rules/lifecycle.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import type { WindowState } from '../../rules/window-machine.js';

const MIN = 60_000;
const T0 = Date.parse('2026-12-02T18:00:00Z');
const ready: WindowState = { status: 'ready', phaseIndex: 0, phaseStartedAt: 0, weight: 0, triggers: {}, lastReportAt: null };
const at = (now: number, over: Partial<LifecycleInput> = {}): LifecycleInput => ({ now, windowStartAt: T0, state: ready, policy: DEFAULT_POLICY, notGreen: 3, stable: null, ...over });

describe('lifecycle', () => {
  it.each([
    [T0 - 190 * MIN, 'PREPARING', 'T-2h in 1h10m: region, DRI roster and links posted'],
    [T0 - 100 * MIN, 'PREPARING', 'T-1h in 40m: every pre-flight item GREEN (pre-flight NO-GO: 3 item(s) not GREEN)'],
    [T0 - 42 * MIN, 'PRE-FLIGHT', 'pre-flight NO-GO: 3 item(s) not GREEN · T-0 in 42m'],
    [T0 + MIN, 'READY', 'pre-flight NO-GO: 3 item(s) not GREEN: opening needs an override reason'],
  ])('before the window at %i: %s', (now, stage, next) => {
    expect(lifecycle(at(now))).toEqual({ stage, next });
  });

  it('GO at T-0 says the IC opens', () => {
    expect(lifecycle(at(T0, { notGreen: 0 }))).toEqual({ stage: 'READY', next: 'pre-flight GO: the IC opens the window (o)' });
  });

  it('at 100% the stable timer, with what restarted it', () => {
    const s: WindowState = { ...ready, status: 'running', phaseIndex: 3, weight: 100 };
    expect(lifecycle(at(T0 + 400 * MIN, { state: s, stable: { since: T0 + 308 * MIN } }))).toEqual({ stage: 'STABLE AT 100%', next: 'stable 1h32m / 2h00m' });
    expect(lifecycle(at(T0 + 400 * MIN, { state: s, stable: { since: T0 + 400 * MIN, resetBy: 'RED errors:5xx' } })).next).toBe('stable 0s / 2h00m (restarted: RED errors:5xx)');
  });

  it('after GA: the checklist, then the 24-hour freeze, then its end', () => {
    const promoted: WindowState = { ...ready, status: 'promoted', phaseIndex: 3, weight: 100 };
    const ga = T0 + 480 * MIN;
    expect(lifecycle(at(ga + MIN, { state: promoted, promotedAt: ga, checklistOpen: 2 }))).toEqual({ stage: 'POST-SUCCESS', next: 'checklist: 2 item(s) open · freeze until 2026-12-04 02:00 UTC' });
    expect(lifecycle(at(ga + 60 * MIN, { state: promoted, promotedAt: ga, checklistOpen: 0 }))).toEqual({ stage: 'FREEZE', next: 'non-critical change freeze: 23h00m left' });
    expect(lifecycle(at(ga + 25 * 60 * MIN, { state: promoted, promotedAt: ga, checklistOpen: 0 }))).toEqual({ stage: 'FREEZE OVER', next: 'the freeze ended 2026-12-04 02:00 UTC' });
    // The freeze ends on time even with the checklist unfinished (the watch must end), and says what is still open.
    expect(lifecycle(at(ga + 24 * 60 * MIN, { state: promoted, promotedAt: ga, checklistOpen: 1 }))).toEqual({ stage: 'FREEZE OVER', next: 'the freeze ended 2026-12-04 02:00 UTC; 1 checklist item(s) still open' });
  });
});
