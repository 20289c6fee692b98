import { describe, expect, it } from 'vitest';
import { canary, deltaVsControl, dropVsControl, ratioVsControl, read } from '../../rules/measures.js';
import { ctx, MINUTE, NOW, type Entry } from './helpers.js';

const p95 = (value: number, at?: number): Entry => ({ kpi: 'latency_p95', track: 'canary', value, at });

describe('read', () => {
  it.each<[string, Entry[], number | null, string | undefined]>([
    ['a fresh value is read as is', [p95(125)], 125, undefined],
    ['a series with no sample has no data', [], null, 'no data for latency_p95 canary'],
    ['NaN is not a value', [p95(Number.NaN)], null, 'latency_p95 canary is NaN'],
    ['+Infinity is not a value', [p95(Number.POSITIVE_INFINITY)], null, 'latency_p95 canary is Infinity'],
    ['-Infinity is not a value', [p95(Number.NEGATIVE_INFINITY)], null, 'latency_p95 canary is -Infinity'],
    ['a sample exactly staleAfterMs old is still fresh', [p95(125, NOW - MINUTE)], 125, undefined],
    ['a sample 1 ms older than staleAfterMs is stale', [p95(125, NOW - MINUTE - 1)], null, 'latency_p95 canary is stale (1m old)'],
    ['the stale reason gives the age', [p95(125, NOW - 4 * MINUTE - 30_000)], null, 'latency_p95 canary is stale (4m30s old)'],
  ])('%s', (_name, entries, value, problem) => {
    const r = read(ctx(entries), 'latency_p95', 'canary');
    expect(r.value).toBe(value);
    expect(r.problem).toBe(problem);
  });

  it('keeps the sample time of an unusable value', () => {
    expect(read(ctx([p95(Number.NaN, NOW - 5_000)]), 'latency_p95', 'canary')).toEqual({
      value: null, at: NOW - 5_000, problem: 'latency_p95 canary is NaN',
    });
  });

  it('a journey series is read separately and named in the problem', () => {
    const c = ctx([{ kpi: 'latency_p95', track: 'canary', journey: 'checkout', value: 140 }]);
    expect(canary('latency_p95', 'checkout')(c).value).toBe(140);
    expect(canary('latency_p95')(c).problem).toBe('no data for latency_p95 canary');
    expect(canary('latency_p95', 'search')(c).problem).toBe('no data for latency_p95 canary search');
  });
});

const cost = (canaryValue: number, controlValue: number, controlAt?: number): Entry[] => [
  { kpi: 'cost_per_user', track: 'canary', value: canaryValue, at: NOW - 10_000 },
  { kpi: 'cost_per_user', track: 'control', value: controlValue, at: controlAt ?? NOW - 20_000 },
];

describe('relative measures', () => {
  it.each<[string, number, number, number]>([
    ['canary 5% dearer is +0.05', 10.5, 10, 0.05],
    ['canary 5% cheaper is -0.05', 9.5, 10, -0.05],
    ['exactly +5% on a $2.00 control is 0.05, not 0.05 plus float noise', 2.1, 2, 0.05],
    ['exactly -5% on a 4-cent control is -0.05', 0.038, 0.04, -0.05],
    ['+5.1% stays above the line', 2.102, 2, 0.051],
  ])('%s', (_name, c, k, expected) => {
    expect(deltaVsControl('cost_per_user')(ctx(cost(c, k))).value).toBe(expected);
  });

  it('a drop is positive when canary converts worse, and exact at 5%', () => {
    const funnel = (c: number, k: number) =>
      ctx([{ kpi: 'funnel_b2c_conversion', track: 'canary', value: c }, { kpi: 'funnel_b2c_conversion', track: 'control', value: k }]);
    expect(dropVsControl('funnel_b2c_conversion')(funnel(0.095, 0.1)).value).toBe(0.05);
    expect(dropVsControl('funnel_b2c_conversion')(funnel(0.11, 0.1)).value).toBe(-0.1);
  });

  it('a ratio divides canary by control', () => {
    const c = ctx([{ kpi: 'refund_void_rate', track: 'canary', value: 0.03 }, { kpi: 'refund_void_rate', track: 'control', value: 0.01 }]);
    expect(ratioVsControl('refund_void_rate')(c).value).toBe(3);
  });

  it('takes the older of the two sample times', () => {
    expect(deltaVsControl('cost_per_user')(ctx(cost(10.5, 10))).at).toBe(NOW - 20_000);
  });

  // Found by test/rules/rules-properties.test.ts: (5e-324 − 1.6e-14) / 5e-324 is -Infinity, which passed the funnel gate as GREEN.
  it('a control so close to zero that the comparison overflows is no data, not an infinite pass', () => {
    const funnel: Entry[] = [
      { kpi: 'funnel_b2b_conversion', track: 'canary', value: 1.6e-14 },
      { kpi: 'funnel_b2b_conversion', track: 'control', value: 5e-324 },
    ];
    expect(dropVsControl('funnel_b2b_conversion')(ctx(funnel))).toMatchObject({ value: null, problem: 'funnel_b2b_conversion against a control of 5e-324 is not a finite comparison' });
    expect(deltaVsControl('funnel_b2b_conversion')(ctx(funnel)).value).toBeNull();
  });

  it('zero on both sides is no difference', () => {
    expect(deltaVsControl('cost_per_user')(ctx(cost(0, 0)))).toEqual({ value: 0, at: NOW - 20_000 });
  });

  it('a zero control against a non-zero canary is UNKNOWN, not infinitely bad', () => {
    expect(deltaVsControl('cost_per_user')(ctx(cost(0.04, 0)))).toEqual({
      value: null, at: NOW - 20_000, problem: 'cost_per_user control is 0',
    });
  });

  it.each<[string, Entry[], string]>([
    ['control missing', cost(10, 10).slice(0, 1), 'no data for cost_per_user control'],
    ['canary missing', cost(10, 10).slice(1), 'no data for cost_per_user canary'],
    ['control stale', cost(10, 10, NOW - 2 * MINUTE), 'cost_per_user control is stale (2m old)'],
    ['control NaN', cost(10, Number.NaN), 'cost_per_user control is NaN'],
  ])('a relative measure with %s is UNKNOWN and says why', (_name, entries, problem) => {
    const r = deltaVsControl('cost_per_user')(ctx(entries));
    expect(r.value).toBeNull();
    expect(r.problem).toBe(problem);
  });
});
