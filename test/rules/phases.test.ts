import { describe, expect, it } from 'vitest';
import type { GateResult } from '../../rules/gates.js';
import {
  advance, advanceBlockers, hold, initialWindow, isLastPhase, isTerminal, resume, rollback, type WindowState,
} from '../../rules/phases.js';
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

describe('advance', () => {
  it('moves the weight 5 → 25 → 50 → 100 and then promotes', () => {
    let s = initialWindow(P, NOW);
    const seen: Array<[string, number, number]> = [[s.status, s.phaseIndex, s.weight]];
    for (let i = 1; i <= 4; i++) {
      s = advance(P, s, NOW + i * MINUTE);
      seen.push([s.status, s.phaseIndex, s.weight]);
    }
    expect(seen).toEqual([['running', 0, 5], ['running', 1, 25], ['running', 2, 50], ['running', 3, 100], ['promoted', 3, 100]]);
  });

  it('restarts the phase clock and carries trigger states over', () => {
    const breaching = { state: 'breaching' as const, since: NOW - MINUTE, checks: 2, value: 125 };
    const next = advance(P, windowIn(1, 60 * MINUTE, { triggers: { 'p95:checkout': breaching } }), NOW);
    expect(next).toMatchObject({ phaseIndex: 2, weight: 50, phaseStartedAt: NOW, triggers: { 'p95:checkout': breaching } });
  });

  it('from the last phase it promotes without touching the phase clock', () => {
    const s = windowIn(3, 120 * MINUTE);
    expect(isLastPhase(P, s)).toBe(true);
    expect(advance(P, s, NOW)).toEqual({ ...s, status: 'promoted' });
    expect(isTerminal(advance(P, s, NOW))).toBe(true);
  });
});

describe('hold, resume and rollback', () => {
  it.each<[string, (s: WindowState) => WindowState, WindowState['status'], WindowState['status'], number]>([
    ['hold freezes a running window at its weight', hold, 'running', 'held', 25],
    ['hold on a held window changes nothing', hold, 'held', 'held', 25],
    ['hold cannot revive a rolled-back window', hold, 'rolled-back', 'rolled-back', 25],
    ['resume runs a held window again', resume, 'held', 'running', 25],
    ['resume leaves a running window alone', resume, 'running', 'running', 25],
    ['resume cannot revive a rolled-back window', resume, 'rolled-back', 'rolled-back', 25],
    ['rollback from running sets weight 0', rollback, 'running', 'rolled-back', 0],
    ['rollback from held sets weight 0', rollback, 'held', 'rolled-back', 0],
  ])('%s', (_name, action, from, to, weight) => {
    const after = action(windowIn(1, MINUTE, { status: from }));
    expect(after).toMatchObject({ status: to, weight, phaseIndex: 1 });
    expect(isTerminal(after)).toBe(to === 'rolled-back');
  });
});
