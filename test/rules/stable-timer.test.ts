/**
 * Two hours *stable* at 100% before promotion: a RED or UNKNOWN gate or a
 * trigger that is not armed restarts the count, and advancing from 100%
 * says how long it has been stable of how long it must be.
 */
import { describe, expect, it } from 'vitest';
import { advanceBlockers } from '../../rules/phases.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { nextStableTimer } from '../../rules/stable-timer.js';
import type { GateResult } from '../../rules/gates.js';
import type { WindowState } from '../../rules/window-machine.js';

const MIN = 60_000;
const at100: WindowState = { status: 'running', phaseIndex: 3, phaseStartedAt: 0, weight: 100, triggers: {}, lastReportAt: null };
const gate = (status: GateResult['status'], id = 'p95:all') => ({ id, status, reason: 'x' }) as GateResult;
const armed = [{ def: { id: 'p95:checkout' }, state: { state: 'armed' as const } }];

describe('the stable timer at 100%', () => {
  it('counts from reaching 100% while every gate is GREEN and every trigger armed', () => {
    expect(nextStableTimer(DEFAULT_POLICY, at100, [gate('GREEN')], armed, 30 * MIN)).toEqual({ since: 0 });
    expect(nextStableTimer(DEFAULT_POLICY, { ...at100, stableSince: 10 * MIN }, [gate('GREEN')], armed, 30 * MIN)).toEqual({ since: 10 * MIN });
  });
  it.each([
    [[gate('RED', 'errors:5xx')], armed, 'RED errors:5xx'],
    [[gate('UNKNOWN', 'payments:e2e')], armed, 'UNKNOWN payments:e2e'],
    [[gate('GREEN')], [{ def: { id: 'p95:checkout' }, state: { state: 'breaching' as const, since: 0, checks: 1, value: 130 } }], 'trigger p95:checkout breaching'],
  ])('restarts on %j / %j: %s', (gates, triggers, why) => {
    expect(nextStableTimer(DEFAULT_POLICY, { ...at100, stableSince: 10 * MIN }, gates, triggers, 95 * MIN)).toEqual({ since: 95 * MIN, resetBy: why });
  });
  it('a YELLOW gate (a warn band) does not restart it; before the last phase there is no timer', () => {
    expect(nextStableTimer(DEFAULT_POLICY, at100, [gate('YELLOW')], armed, 30 * MIN)).toEqual({ since: 0 });
    expect(nextStableTimer(DEFAULT_POLICY, { ...at100, phaseIndex: 2, weight: 50 }, [gate('RED')], armed, 30 * MIN)).toBeNull();
  });
  it('promotion waits for two hours of it, and says so', () => {
    const s = { ...at100, stableSince: 60 * MIN };
    expect(advanceBlockers(DEFAULT_POLICY, s, [gate('GREEN')], 152 * MIN)).toEqual(['not yet stable long enough at 100% (1h32m of 2h00m)']);
    expect(advanceBlockers(DEFAULT_POLICY, s, [gate('GREEN')], 180 * MIN)).toEqual([]);
  });
});
