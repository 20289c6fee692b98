import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { ARMED, remainingMs, stepTrigger, triggerDefs, type TriggerState } from '../../rules/triggers.js';
import { canaryAt, ctx, last, MINUTE, NOW, runTrigger, triggerDef, type Check } from './helpers.js';

const checkout = triggerDef('p95:checkout');
const p95 = (checks: Check[], start?: TriggerState) => runTrigger(checkout, 'latency_p95', checks, 'checkout', start);

describe('triggerDefs', () => {
  it('has a P95 trigger per critical journey only, then every other trigger once', () => {
    expect(triggerDefs(DEFAULT_POLICY).map((t) => t.id)).toEqual([
      'p95:checkout', 'p95:search', 'errors:5xx', 'errors:js', 'errors:budget', 'payments:e2e',
      'payments:refund-void', 'infra:cache', 'infra:db', 'econ:cost-per-user', 'econ:markup',
    ]);
  });

  it('the P95 trigger is 120 ms held for 10 minutes across 2 checks', () => {
    expect(checkout).toMatchObject({ threshold: 120, breachWhen: 'above', forMs: 10 * MINUTE, consecutiveChecks: 2 });
  });
});

describe('P95 trigger (120 ms, 10 min, 2 consecutive checks)', () => {
  it('a P95 exactly at 120 ms is not a breach', () => {
    expect(p95([[0, 120]])).toEqual([ARMED]);
  });

  it('a breach starts with one check and the time it began', () => {
    expect(p95([[0, 120.1]])).toEqual([{ state: 'breaching', since: NOW, checks: 1, value: 120.1 }]);
  });

  it('at 9:59 into a breach it has not fired; at 10:00 it fires', () => {
    const states = p95([[0, 125], [599, 126], [600, 127]]);
    expect(states[1]).toEqual({ state: 'breaching', since: NOW, checks: 2, value: 126 });
    expect(states[2]).toEqual({
      state: 'fired', at: NOW + 10 * MINUTE, value: 127, reason: 'P95 checkout 127 ms > 120 ms for 10m across 3 checks',
    });
  });

  it('two checks ten minutes apart are enough to fire', () => {
    expect(last(p95([[0, 125], [600, 125]]))).toMatchObject({ state: 'fired', reason: 'P95 checkout 125 ms > 120 ms for 10m across 2 checks' });
  });

  it('a healthy check re-arms it, and the next breach starts over', () => {
    const states = p95([[0, 125], [540, 125], [570, 119], [600, 125]]);
    expect(states[2]).toEqual(ARMED);
    expect(states[3]).toEqual({ state: 'breaching', since: NOW + 600_000, checks: 1, value: 125 });
  });

  it.each<[string, Check]>([
    ['no data', [300, null]],
    ['NaN', [300, Number.NaN]],
    ['+Infinity', [300, Number.POSITIVE_INFINITY]],
  ])('%s neither fires nor resets it: the state is kept', (_name, check) => {
    const states = p95([[0, 125], check]);
    expect(states[1]).toEqual(states[0]);
  });

  it('a stale sample keeps the state too', () => {
    const breaching: TriggerState = { state: 'breaching', since: NOW, checks: 1, value: 125 };
    const later = NOW + 5 * MINUTE;
    const stale = ctx([canaryAt('latency_p95', 200, later - MINUTE - 1, 'checkout')], later);
    expect(stepTrigger(checkout, breaching, stale)).toBe(breaching);
    expect(stepTrigger(checkout, ARMED, stale)).toBe(ARMED);
  });

  it('a gap does not stop the breach clock: the first breaching check after 10 min fires', () => {
    expect(last(p95([[0, 125], [300, null], [600, 125]]))).toMatchObject({ state: 'fired', reason: 'P95 checkout 125 ms > 120 ms for 10m across 2 checks' });
  });

  it('a fired trigger stays fired through healthy checks and missing data', () => {
    const fired = last(p95([[0, 125], [600, 125]]));
    expect(p95([[630, 100], [660, null]], fired)).toEqual([fired, fired]);
  });
});

describe('remainingMs', () => {
  const breaching: TriggerState = { state: 'breaching', since: NOW, checks: 1, value: 125 };
  it.each<[string, TriggerState, number, number | null]>([
    ['an armed trigger has no countdown', ARMED, 0, null],
    ['a breach just begun has the whole window left', breaching, 0, 600_000],
    ['four minutes in, six remain', breaching, 4 * MINUTE, 360_000],
    ['at 9:59, one second remains', breaching, 599_000, 1_000],
    ['past the window it is 0, never negative', breaching, 11 * MINUTE, 0],
    ['a fired trigger has no countdown', { state: 'fired', at: NOW, value: 130, reason: 'x' }, 0, null],
  ])('%s', (_name, s, after, expected) => {
    expect(remainingMs(checkout, s, NOW + after)).toBe(expected);
  });
});
