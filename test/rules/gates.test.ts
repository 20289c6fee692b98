import { describe, expect, it } from 'vitest';
import { evaluateGate, gatesForPhase, passes, type Direction } from '../../rules/gates.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import type { KpiId, Status } from '../../rules/types.js';
import { both, canaryAt, ctx, gateDef, healthy, MINUTE, NOW, type Entry } from './helpers.js';

type Row = [name: string, value: number, status: Status, reason: string];

/** Evaluates gate `id` at `phaseIndex` with the healthy snapshot plus `entries` on top. */
const judge = (id: string, entries: Entry[], phaseIndex = 0, now = NOW) =>
  evaluateGate(gateDef(id, phaseIndex), ctx([...healthy(), ...entries], now));

describe('gatesForPhase', () => {
  it('gates P95 overall and on critical journeys only, then every other KPI once', () => {
    expect(gatesForPhase(DEFAULT_POLICY, DEFAULT_POLICY.phases[0]!).map((g) => g.id)).toEqual([
      'p95:all', 'p95:checkout', 'p95:search', 'errors:5xx', 'errors:js', 'payments:e2e',
      'infra:cache', 'infra:db', 'econ:cost-per-user', 'econ:markup', 'funnel:b2c', 'funnel:b2b',
    ]);
  });

  it.each([[0, 130, 120], [1, 130, 120], [2, 120, undefined], [3, 120, undefined]])(
    'at phase index %i the P95 gate is %i ms and a critical journey turns YELLOW from %s',
    (phaseIndex, threshold, yellowMs) => {
      const def = gateDef('p95:checkout', phaseIndex);
      expect(def.limit).toEqual({ threshold });
      expect(def.yellowFrom).toEqual(yellowMs === undefined ? undefined : { threshold: yellowMs, label: 'rollback trigger' });
    },
  );

  it('overall P95 has no trigger, so no YELLOW line, at any phase', () => {
    expect([0, 1, 2, 3].map((i) => gateDef('p95:all', i).yellowFrom)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('P95 gate', () => {
  it.each<Row>([
    ['a P95 of 119.9 ms at phase 1 is GREEN', 119.9, 'GREEN', 'P95 checkout 119.9 ms ≤ limit 130 ms'],
    ['a P95 exactly at the 120 ms trigger at phase 1 is GREEN', 120, 'GREEN', 'P95 checkout 120 ms ≤ limit 130 ms'],
    ['a P95 of 120.1 ms at phase 1 is YELLOW', 120.1, 'YELLOW', 'P95 checkout 120.1 ms ≤ limit 130 ms but > 120 ms rollback trigger'],
    ['a P95 of 125 ms at phase 1 passes the gate but is YELLOW for the trigger', 125, 'YELLOW', 'P95 checkout 125 ms ≤ limit 130 ms but > 120 ms rollback trigger'],
    ['a P95 of 129.9 ms at phase 1 is YELLOW', 129.9, 'YELLOW', 'P95 checkout 129.9 ms ≤ limit 130 ms but > 120 ms rollback trigger'],
    ['a P95 at exactly the 130 ms gate at phase 1 is YELLOW, not RED', 130, 'YELLOW', 'P95 checkout 130 ms ≤ limit 130 ms but > 120 ms rollback trigger'],
    ['a P95 of 130.1 ms at phase 1 is RED', 130.1, 'RED', 'P95 checkout 130.1 ms > limit 130 ms'],
  ])('%s', (_name, value, status, reason) => {
    expect(judge('p95:checkout', [canaryAt('latency_p95', value, NOW, 'checkout')])).toMatchObject({ status, reason, value, threshold: 130 });
  });

  it.each<Row>([
    ['a P95 at exactly the 120 ms gate at phase 3 is GREEN', 120, 'GREEN', 'P95 overall 120 ms ≤ limit 120 ms'],
    ['a P95 of 120.1 ms at phase 3 is RED with no YELLOW band', 120.1, 'RED', 'P95 overall 120.1 ms > limit 120 ms'],
  ])('%s', (_name, value, status, reason) => {
    expect(judge('p95:all', [canaryAt('latency_p95', value)], 2)).toMatchObject({ status, reason, threshold: 120 });
  });
});

describe.each<[id: string, kpi: KpiId, rows: Row[]]>([
  ['errors:5xx', 'error_5xx_rate', [
    ['an error rate of 0.4% is GREEN', 0.004, 'GREEN', '5xx rate 0.4% ≤ limit 0.5%'],
    ['an error rate of exactly 0.5% passes, GREEN', 0.005, 'GREEN', '5xx rate 0.5% ≤ limit 0.5%'],
    ['an error rate of 0.51% is RED', 0.0051, 'RED', '5xx rate 0.51% > limit 0.5%'],
  ]],
  ['errors:js', 'error_js_rate', [
    ['a JS error rate of exactly 0.5% passes', 0.005, 'GREEN', 'Client JS errors 0.5% ≤ limit 0.5%'],
    ['a JS error rate of 0.51% is RED', 0.0051, 'RED', 'Client JS errors 0.51% > limit 0.5%'],
  ]],
  ['payments:e2e', 'payments_e2e_success', [
    ['payments at 99.7% are GREEN', 0.997, 'GREEN', 'Payments E2E 99.7% ≥ limit 99.5%'],
    ['payments at exactly 99.5% pass, GREEN', 0.995, 'GREEN', 'Payments E2E 99.5% ≥ limit 99.5%'],
    ['payments at 99.49% are RED', 0.9949, 'RED', 'Payments E2E 99.49% < limit 99.5%'],
  ]],
  ['infra:cache', 'cache_hit', [
    ['a cache hit of exactly 85% passes, GREEN', 0.85, 'GREEN', 'Cache hit 85% ≥ limit 85%'],
    ['a cache hit of 84.99% is RED', 0.8499, 'RED', 'Cache hit 84.99% < limit 85%'],
  ]],
  ['infra:db', 'db_pool_saturation', [
    ['DB saturation of 75% is GREEN', 0.75, 'GREEN', 'DB pool saturation 75% ≤ limit 80%'],
    ['DB saturation of exactly 80% passes, GREEN', 0.8, 'GREEN', 'DB pool saturation 80% ≤ limit 80%'],
    ['DB saturation of 80.01% is RED', 0.8001, 'RED', 'DB pool saturation 80.01% > limit 80%'],
  ]],
  ['econ:markup', 'markup', [
    ['a markup of exactly 4x passes, GREEN', 4, 'GREEN', 'AI markup 4x ≥ limit 4x'],
    ['a markup of 3.99x is RED', 3.99, 'RED', 'AI markup 3.99x < limit 4x'],
  ]],
])('%s gate', (id, kpi, rows) => {
  it.each(rows)('%s', (_name, value, status, reason) => {
    expect(judge(id, [canaryAt(kpi, value)])).toMatchObject({ status, reason, value });
  });
});

describe('relative gates', () => {
  it.each<[string, number, number, Status, string]>([
    ['cost/user +5% against control passes', 2.1, 2, 'GREEN', 'Cost/user vs control +5% within limit ±5%'],
    ['cost/user −5% against control passes too (the limit is either way)', 1.9, 2, 'GREEN', 'Cost/user vs control -5% within limit ±5%'],
    ['cost/user +5.1% is RED', 2.102, 2, 'RED', 'Cost/user vs control +5.1% outside limit ±5%'],
    ['cost/user −5.1% is RED', 1.898, 2, 'RED', 'Cost/user vs control -5.1% outside limit ±5%'],
    ['cost/user +2% is GREEN', 2.04, 2, 'GREEN', 'Cost/user vs control +2% within limit ±5%'],
    ['cost/user of 0 against a control of 0 is no difference', 0, 0, 'GREEN', 'Cost/user vs control +0% within limit ±5%'],
    ['cost/user against a control of 0 is UNKNOWN', 0.04, 0, 'UNKNOWN', 'Cost/user vs control: UNKNOWN, cost_per_user control is 0'],
  ])('%s', (_name, c, k, status, reason) => {
    const entries: Entry[] = [canaryAt('cost_per_user', c), { kpi: 'cost_per_user', track: 'control', value: k }];
    expect(judge('econ:cost-per-user', entries)).toMatchObject({ status, reason });
  });

  it.each<[string, number, Status, string]>([
    ['a B2C funnel exactly 5% below control passes', 0.095, 'GREEN', 'B2C funnel Δ -5% ≥ limit -5%'],
    ['a B2C funnel 6% below control is RED', 0.094, 'RED', 'B2C funnel Δ -6% < limit -5%'],
    ['a B2C funnel above control is GREEN', 0.12, 'GREEN', 'B2C funnel Δ +20% ≥ limit -5%'],
  ])('%s', (_name, c, status, reason) => {
    expect(judge('funnel:b2c', [canaryAt('funnel_b2c_conversion', c), ...both('funnel_b2c_conversion', 0.1).slice(1)])).toMatchObject({ status, reason });
  });
});

describe('UNKNOWN gates', () => {
  const without = (kpi: KpiId, track = 'canary') => healthy().filter((e) => !(e.kpi === kpi && e.track === track && e.journey === undefined));
  it.each<[string, () => ReturnType<typeof judge>, string]>([
    ['no data', () => evaluateGate(gateDef('p95:all'), ctx(without('latency_p95'))), 'P95 overall: UNKNOWN, no data for latency_p95 canary'],
    ['NaN', () => judge('p95:all', [canaryAt('latency_p95', Number.NaN)]), 'P95 overall: UNKNOWN, latency_p95 canary is NaN'],
    ['+Infinity', () => judge('errors:5xx', [canaryAt('error_5xx_rate', Number.POSITIVE_INFINITY)]), '5xx rate: UNKNOWN, error_5xx_rate canary is Infinity'],
    ['a stale sample', () => judge('payments:e2e', [canaryAt('payments_e2e_success', 0.999, NOW - MINUTE - 1)]), 'Payments E2E: UNKNOWN, payments_e2e_success canary is stale (1m old)'],
    ['control missing for a relative gate', () => evaluateGate(gateDef('funnel:b2b'), ctx(without('funnel_b2b_conversion', 'control'))), 'B2B funnel Δ: UNKNOWN, no data for funnel_b2b_conversion control'],
  ])('%s makes a gate UNKNOWN, never GREEN, and says why', (_name, run, reason) => {
    expect(run()).toMatchObject({ status: 'UNKNOWN', value: null, reason });
  });

  it('a sample exactly staleAfterMs old is still judged', () => {
    expect(judge('payments:e2e', [canaryAt('payments_e2e_success', 0.9949, NOW - MINUTE)])).toMatchObject({ status: 'RED', reason: 'Payments E2E 99.49% < limit 99.5%' });
  });
});

describe('passes', () => {
  it.each<[number, number, Direction, boolean]>([
    [0.005, 0.005, 'max', true], [0.0051, 0.005, 'max', false],
    [0.995, 0.995, 'min', true], [0.9949, 0.995, 'min', false],
    [-0.05, 0.05, 'abs', true], [0.05, 0.05, 'abs', true], [-0.051, 0.05, 'abs', false],
  ])('%d against %d (%s) passes: %s', (value, threshold, direction, expected) => {
    expect(passes(value, threshold, direction)).toBe(expected);
  });
});
