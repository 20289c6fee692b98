import { describe, expect, it } from 'vitest';
import type { GateResult } from '../../rules/gates.js';
import { advanceBlockers, initialWindow, type WindowState } from '../../rules/phases.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import type { Status } from '../../rules/types.js';
import { MINUTE, NOW } from './helpers.js';

const P = DEFAULT_POLICY;

const gate = (status: Status, reason: string): GateResult => ({
  id: `g:${reason}`, label: reason, group: 'latency', status, value: null, threshold: 0, unit: 'ms', reason,
});
const GREEN = [gate('GREEN', 'P95 overall 100 ms ≤ 130 ms')];

/** A window that entered phase `phaseIndex` `servedMs` before NOW. */
const windowIn = (phaseIndex: number, servedMs: number, over: Partial<WindowState> = {}): WindowState => ({
  ...initialWindow(P, NOW - servedMs),
  phaseIndex,
  weight: P.phases[phaseIndex]!.weight,
  ...over,
});

describe('initialWindow', () => {
  it('starts running in the first phase at 5%, with no trigger state', () => {
    expect(initialWindow(P, NOW)).toEqual({
      status: 'running', phaseIndex: 0, phaseStartedAt: NOW, weight: 5, triggers: {}, lastReportAt: null,
    });
  });

  it('a live window starts ready at the weight read back', () => {
    expect(initialWindow(P, NOW, 'ready', 0)).toMatchObject({ status: 'ready', phaseIndex: 0, weight: 0 });
  });
});

describe('advanceBlockers', () => {
  it.each<[string, number, number, string[]]>([
    ['a phase just entered has not served its minimum time', 0, 0, ['minimum time not served (0s of 1h30m)']],
    ['one second short of 90 minutes still blocks, and says how long was served', 0, 90 * MINUTE - 1000, ['minimum time not served (1h29m of 1h30m)']],
    ['exactly 90 minutes at 5% with all gates GREEN may advance', 0, 90 * MINUTE, []],
    ['phase 2 needs 60 minutes', 1, 59 * MINUTE, ['minimum time not served (59m of 1h00m)']],
    ['exactly 60 minutes at 25% may advance', 1, 60 * MINUTE, []],
    ['the last phase needs two hours stable', 3, 119 * MINUTE + 59_000, ['minimum time not served (1h59m of 2h00m)']],
  ])('%s', (_name, phaseIndex, served, expected) => {
    expect(advanceBlockers(P, windowIn(phaseIndex, served), GREEN, NOW)).toEqual(expected);
  });

  it('lists every gate that is not GREEN, with its status and reason', () => {
    const gates = [
      gate('GREEN', 'P95 overall 100 ms ≤ 130 ms'),
      gate('YELLOW', '5xx rate 0.45% ≤ 0.5% but > 0.4% warning line'),
      gate('UNKNOWN', 'Payments E2E: UNKNOWN, no data for payments_e2e_success canary'),
      gate('RED', 'B2C funnel drop +6% > 5%'),
    ];
    expect(advanceBlockers(P, windowIn(0, 90 * MINUTE), gates, NOW)).toEqual([
      'YELLOW: 5xx rate 0.45% ≤ 0.5% but > 0.4% warning line',
      'UNKNOWN: Payments E2E: UNKNOWN, no data for payments_e2e_success canary',
      'RED: B2C funnel drop +6% > 5%',
    ]);
  });

  it('a held window is blocked first by the hold, then by whatever else', () => {
    expect(advanceBlockers(P, windowIn(0, MINUTE, { status: 'held' }), [gate('RED', 'x > y')], NOW)).toEqual([
      'window is on hold', 'minimum time not served (1m of 1h30m)', 'RED: x > y',
    ]);
  });

  it.each<['rolled-back' | 'promoted']>([['rolled-back'], ['promoted']])('a %s window gives only its terminal status', (status) => {
    expect(advanceBlockers(P, windowIn(3, 0, { status }), [gate('RED', 'x > y')], NOW)).toEqual([`window is ${status}`]);
  });
});
