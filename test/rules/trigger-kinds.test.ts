import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type Policy } from '../../rules/policy.js';
import { ARMED, isBreach, remainingMs, stepTrigger, type TriggerDef, type TriggerState } from '../../rules/triggers.js';
import { ctx, last, MINUTE, NOW, runTrigger as run, triggerDef } from './helpers.js';

const checkout = triggerDef('p95:checkout');

describe('windows and consecutive checks', () => {
  const instant: Policy = {
    ...DEFAULT_POLICY,
    triggers: { ...DEFAULT_POLICY.triggers, latencyP95: { thresholdMs: 120, forMs: 0, consecutiveChecks: 2 } },
  };

  it('with a window of 0 and two consecutive checks, one breaching check does not fire', () => {
    expect(run(triggerDef('p95:search', instant), 'latency_p95', [[0, 130]], 'search')).toEqual([
      { state: 'breaching', since: NOW, checks: 1, value: 130 },
    ]);
  });

  it('with a window of 0 and two consecutive checks, the second breaching check fires, with no duration in the reason', () => {
    expect(last(run(triggerDef('p95:search', instant), 'latency_p95', [[0, 130], [30, 131]], 'search'))).toEqual({
      state: 'fired', at: NOW + 30_000, value: 131, reason: 'P95 search 131 ms > 120 ms',
    });
  });

  it('error-budget burn above 5% fires on its first check', () => {
    expect(run(triggerDef('errors:budget'), 'error_budget_burn', [[0, 0.06]])).toEqual([
      { state: 'fired', at: NOW, value: 0.06, reason: 'Error budget burn 6% > 5%' },
    ]);
  });

  it('past the window but short of the checks it keeps breaching with 0 ms remaining', () => {
    const many: TriggerDef = { ...checkout, consecutiveChecks: 5 };
    const s = last(run(many, 'latency_p95', [[0, 125], [660, 125]], 'checkout'));
    expect(s).toMatchObject({ state: 'breaching', checks: 2 });
    expect(remainingMs(many, s, NOW + 660_000)).toBe(0);
  });
});

describe("'below' triggers", () => {
  const payments = triggerDef('payments:e2e');
  it.each<[number, boolean]>([[0.995, false], [0.9949, true], [0.999, false]])('payments at %d breach: %s', (value, expected) => {
    expect(isBreach(payments, value)).toBe(expected);
  });

  it('payments below 99.5% for 5 minutes fire with the value and the window', () => {
    const states = run(payments, 'payments_e2e_success', [[0, 0.995], [30, 0.9949], [329, 0.99], [330, 0.99]]);
    expect(states.map((s) => s.state)).toEqual(['armed', 'breaching', 'breaching', 'fired']);
    expect(last(states)).toMatchObject({ reason: 'Payments E2E 99% < 99.5% for 5m across 3 checks' });
  });
});

describe('relative triggers', () => {
  const refund = triggerDef('payments:refund-void');
  const refundCtx = (c: number, k: number) =>
    ctx([{ kpi: 'refund_void_rate', track: 'canary', value: c }, { kpi: 'refund_void_rate', track: 'control', value: k }]);

  it.each<[string, number, number, TriggerState['state']]>([
    ['refund/void at exactly 2x control is not a breach', 0.02, 0.01, 'armed'],
    ['refund/void at 3x control breaches', 0.03, 0.01, 'breaching'],
    ['no refunds on control: a canary at 0.3% is 3x the 0.1% floor and breaches', 0.003, 0, 'breaching'],
    ['no refunds on control: a canary at exactly 2x the floor is not a breach', 0.002, 0, 'armed'],
    ['no refunds on either side is no breach', 0, 0, 'armed'],
    ['a control under the floor counts as the floor: 0.15% against 0.02% is 1.5x, not 7.5x', 0.0015, 0.0002, 'armed'],
  ])('%s', (_name, c, k, expected) => {
    expect(stepTrigger(refund, ARMED, refundCtx(c, k)).state).toBe(expected);
  });

  it('cost/user exactly 5% up is not a breach, even on values that leave float noise', () => {
    const c = ctx([{ kpi: 'cost_per_user', track: 'canary', value: 2.1 }, { kpi: 'cost_per_user', track: 'control', value: 2 }]);
    expect(stepTrigger(triggerDef('econ:cost-per-user'), ARMED, c)).toEqual(ARMED);
  });

  it('with the floor set to 0, a zero control is incomparable: a breaching state is kept rather than re-armed', () => {
    const noFloor: Policy = { ...DEFAULT_POLICY, triggers: { ...DEFAULT_POLICY.triggers, refundVoidRatio: { ...DEFAULT_POLICY.triggers.refundVoidRatio, controlFloor: 0 } } };
    const breaching: TriggerState = { state: 'breaching', since: NOW - MINUTE, checks: 2, value: 3 };
    expect(stepTrigger(triggerDef('payments:refund-void', noFloor), breaching, refundCtx(0.03, 0))).toBe(breaching);
  });
});
