import { describe, expect, it } from 'vitest';
import { evaluate, triggerStates, worstStatus } from '../../rules/evaluate.js';
import { initialWindow, type WindowState } from '../../rules/phases.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import type { TriggerState } from '../../rules/triggers.js';
import type { Status } from '../../rules/types.js';
import { canaryAt, healthy, MINUTE, NOW, snapshot, type Entry } from './helpers.js';

const P = DEFAULT_POLICY;
/** Phase 1, its 90 minutes served, no trigger state yet. */
const served = (over: Partial<WindowState> = {}): WindowState => ({ ...initialWindow(P, NOW - 90 * MINUTE), ...over });
/** Healthy data with `entries` on top, every sample taken at `at`. */
const data = (entries: Entry[], at = NOW) => snapshot([...healthy(), ...entries].map((e) => ({ ...e, at })));
const withoutCanary = (kpi: Entry['kpi']) => healthy().filter((e) => !(e.kpi === kpi && e.track === 'canary'));
const checkout = (ms: number) => canaryAt('latency_p95', ms, NOW, 'checkout');
const breachingSince = (since: number): TriggerState => ({ state: 'breaching', since, checks: 1, value: 125 });

describe('worstStatus ranks RED > UNKNOWN > YELLOW > GREEN', () => {
  it.each<[Status[], Status]>([
    [[], 'GREEN'],
    [['GREEN', 'GREEN'], 'GREEN'],
    [['GREEN', 'YELLOW'], 'YELLOW'],
    [['YELLOW', 'UNKNOWN', 'GREEN'], 'UNKNOWN'],
    [['UNKNOWN', 'RED', 'YELLOW'], 'RED'],
    [['RED', 'GREEN'], 'RED'],
  ])('%j is %s', (statuses, expected) => {
    expect(worstStatus(statuses)).toBe(expected);
  });
});

describe('recommendation', () => {
  it('all gates GREEN and no trigger breaching is GO, and the window may advance', () => {
    const d = evaluate(P, data([]), served(), NOW);
    expect(d).toMatchObject({ at: NOW, status: 'GREEN', recommendation: 'GO', because: 'all gates GREEN, no trigger breaching', advanceBlockers: [], anomalies: [] });
    expect(d.gates.every((g) => g.status === 'GREEN')).toBe(true);
    expect(d.triggers.every((t) => t.state.state === 'armed' && t.remainingMs === null)).toBe(true);
  });

  it('a RED gate with no trigger behind it is NO-GO, and says which gate', () => {
    const d = evaluate(P, data([canaryAt('funnel_b2c_conversion', 0.094)]), served(), NOW);
    expect(d).toMatchObject({ status: 'RED', recommendation: 'NO-GO', because: 'B2C funnel Δ -6% < limit -5%' });
    expect(d.advanceBlockers).toEqual(['RED: B2C funnel Δ -6% < limit -5%']);
  });

  it('a YELLOW gate is NO-GO too: only GREEN advances', () => {
    // The only YELLOW with no trigger behind it: a team's warn band that it says blocks.
    const banded = { ...P, gates: { ...P.gates, errorRateMax: { threshold: 0.005, warn: 0.004 }, warnBandsBlock: true } };
    const d = evaluate(banded, data([canaryAt('error_5xx_rate', 0.0045)]), served(), NOW);
    expect(d).toMatchObject({ status: 'YELLOW', recommendation: 'NO-GO', because: '5xx rate 0.45% ≤ limit 0.5% but > 0.4% warning band' });
  });

  it('a passing value is GO with the default policy: no warn band holds it', () => {
    const d = evaluate(P, data([canaryAt('error_5xx_rate', 0.0045), canaryAt('db_pool_saturation', 0.75), canaryAt('markup', 4.1)]), served(), NOW);
    expect(d).toMatchObject({ status: 'GREEN', recommendation: 'GO', advanceBlockers: [] });
  });

  it('a breaching trigger is HOLD, with its countdown', () => {
    const d = evaluate(P, data([checkout(125)]), served(), NOW);
    expect(d).toMatchObject({ status: 'YELLOW', recommendation: 'HOLD', because: 'trigger breaching: P95 checkout' });
    expect(d.triggers.find((t) => t.def.id === 'p95:checkout')).toMatchObject({ value: 125, remainingMs: 10 * MINUTE, state: breachingSince(NOW) });
  });

  it('a trigger breaching while every gate is GREEN still holds, and the status is YELLOW', () => {
    const d = evaluate(P, data([canaryAt('refund_void_rate', 0.03)]), served(), NOW);
    expect(d.gates.every((g) => g.status === 'GREEN')).toBe(true);
    expect(d).toMatchObject({ status: 'YELLOW', recommendation: 'HOLD', because: 'trigger breaching: Refund/void vs control' });
  });

  it('UNKNOWN data is HOLD, never GO, and names the gates without data', () => {
    const d = evaluate(P, snapshot(withoutCanary('payments_e2e_success')), served(), NOW);
    expect(d).toMatchObject({ status: 'UNKNOWN', recommendation: 'HOLD', because: 'no usable data: Payments E2E' });
    expect(d.triggers.find((t) => t.def.id === 'payments:e2e')).toMatchObject({
      state: { state: 'armed' }, value: null, problem: 'no data for payments_e2e_success canary', remainingMs: null,
    });
  });

  it('a fired trigger is ROLLBACK, with the trigger reason', () => {
    const d = evaluate(P, data([checkout(125)]), served({ triggers: { 'p95:checkout': breachingSince(NOW - 10 * MINUTE) } }), NOW);
    expect(d).toMatchObject({ status: 'RED', recommendation: 'ROLLBACK', because: 'trigger fired: P95 checkout 125 ms > 120 ms for 10m across 2 checks' });
  });

  it('a rolled-back window stays ROLLBACK whatever the data', () => {
    const d = evaluate(P, data([]), served({ status: 'rolled-back', weight: 0 }), NOW);
    expect(d).toMatchObject({ recommendation: 'ROLLBACK', because: 'window rolled back', advanceBlockers: ['window is rolled-back'] });
  });

  it.each<[string, Entry[], WindowState, string, string, Status]>([
    ['a fired trigger outranks a breaching one and UNKNOWN data', [canaryAt('error_budget_burn', 0.06), checkout(125), canaryAt('markup', Number.NaN)], served(), 'ROLLBACK', 'trigger fired: Error budget burn 6% > 5%', 'RED'],
    ['a breaching trigger outranks a RED gate', [checkout(131)], served(), 'HOLD', 'trigger breaching: P95 checkout', 'RED'],
    ['UNKNOWN data outranks a RED gate for the recommendation, not for the status', [canaryAt('funnel_b2b_conversion', 0.1), canaryAt('markup', Number.NaN)], served(), 'HOLD', 'no usable data: AI markup', 'RED'],
  ])('%s', (_name, entries, state, recommendation, because, status) => {
    expect(evaluate(P, data(entries), state, NOW)).toMatchObject({ recommendation, because, status });
  });

  it('UNKNOWN outranks YELLOW in the overall status', () => {
    const d = evaluate(P, data([canaryAt('error_js_rate', 0.0045), canaryAt('cache_hit', Number.NaN)]), served(), NOW);
    expect(d.status).toBe('UNKNOWN');
  });

  it('a phase not yet served lists its minimum time among the blockers even when GO', () => {
    const d = evaluate(P, data([]), served({ phaseStartedAt: NOW - 30 * MINUTE }), NOW);
    expect(d).toMatchObject({ recommendation: 'GO', advanceBlockers: ['minimum time not served (30m of 1h30m)'] });
  });
});

describe('triggerStates', () => {
  it('carries every trigger state by id into the next check', () => {
    const first = evaluate(P, data([checkout(125)]), served(), NOW);
    const states = triggerStates(first);
    expect(Object.keys(states)).toHaveLength(11);
    expect(states['p95:checkout']).toEqual(breachingSince(NOW));
    expect(states['errors:5xx']).toEqual({ state: 'armed' });

    const later = NOW + 10 * MINUTE;
    const second = evaluate(P, data([checkout(126)], later), served({ triggers: states }), later);
    expect(second).toMatchObject({ recommendation: 'ROLLBACK', because: 'trigger fired: P95 checkout 126 ms > 120 ms for 10m across 2 checks' });
    expect(triggerStates(second)['p95:checkout']).toMatchObject({ state: 'fired', at: later, value: 126 });
  });

  it('without carried states the same breach starts over and never fires', () => {
    const later = NOW + 10 * MINUTE;
    expect(evaluate(P, data([checkout(126)], later), served(), later).recommendation).toBe('HOLD');
  });
});
