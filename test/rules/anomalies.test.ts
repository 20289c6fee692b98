import { describe, expect, it } from 'vitest';
import { topAnomalies } from '../../rules/anomalies.js';
import { gatesForPhase } from '../../rules/gates.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { canaryAt, ctx, healthy, type Entry } from './helpers.js';

const PHASE_1 = gatesForPhase(DEFAULT_POLICY, DEFAULT_POLICY.phases[0]!);
const anomalies = (entries: Entry[], count?: number) => topAnomalies(PHASE_1, ctx([...healthy(), ...entries]), count);

/** Canary worse than control by known shares of the room to each gate. */
const worse: Entry[] = [
  canaryAt('error_5xx_rate', 0.003), // control 0.1%, gate 0.5%: 0.2 of 0.4 → 0.5
  canaryAt('markup', 4.6), // control 5x, gate 4x: 0.4 of 1 → 0.4
  canaryAt('cost_per_user', 0.0412), // +3% of a ±5% limit → 0.6
  canaryAt('latency_p95', 110), // control 100 ms, gate 130 ms: 10 of 30 → 0.333
];

describe('topAnomalies', () => {
  it('ranks the largest normalised deviation first and keeps the top three', () => {
    const found = anomalies(worse);
    expect(found.map((a) => a.gateId)).toEqual(['econ:cost-per-user', 'errors:5xx', 'econ:markup']);
    expect(found.map((a) => a.score)).toEqual([0.6, 0.5, expect.closeTo(0.4, 10)]);
  });

  it('returns more when asked, still in order', () => {
    const found = anomalies(worse, 4);
    expect(found.map((a) => a.gateId)).toEqual(['econ:cost-per-user', 'errors:5xx', 'econ:markup', 'p95:all']);
    expect(found[3]!.score).toBeCloseTo(1 / 3, 10);
  });

  it('says what deviates, against control and the gate', () => {
    expect(anomalies(worse, 4).map((a) => a.text)).toEqual([
      'Cost/user vs control +3% (limit ±5%)',
      '5xx rate 0.3% vs control 0.1% (gate 0.5%)',
      'AI markup 4.6x vs control 5x (gate 4x)',
      'P95 overall 110 ms vs control 100 ms (gate 130 ms)',
    ]);
  });

  it('a one-sided relative gate shows its limit without ±, in the delta’s sign', () => {
    expect(anomalies([canaryAt('funnel_b2b_conversion', 0.19)])).toEqual([
      { gateId: 'funnel:b2b', label: 'B2B funnel Δ', score: 1, text: 'B2B funnel Δ -5% (limit -5%)' },
    ]);
  });

  it.each<[string, Entry]>([
    ['a faster canary', canaryAt('latency_p95', 80)],
    ['fewer canary errors', canaryAt('error_5xx_rate', 0)],
    ['a better canary cache hit', canaryAt('cache_hit', 0.99)],
    ['a higher canary markup', canaryAt('markup', 8)],
    ['a canary funnel converting better', canaryAt('funnel_b2c_conversion', 0.2)],
  ])('ignores %s: canary better than control is no anomaly', (_name, entry) => {
    expect(anomalies([entry])).toEqual([]);
  });

  it('a cheaper canary still counts, because the cost/user limit is two-sided', () => {
    expect(anomalies([canaryAt('cost_per_user', 0.0388)])).toMatchObject([{ gateId: 'econ:cost-per-user', score: 0.6, text: 'Cost/user vs control -3% (limit ±5%)' }]);
  });

  it('deviations under a fifth of the room are noise', () => {
    expect(anomalies([canaryAt('db_pool_saturation', 0.55)])).toEqual([]); // 0.05 of 0.3
  });

  it('a control already past the gate makes any worse canary rank first', () => {
    const found = anomalies([...worse, canaryAt('cache_hit', 0.8), { kpi: 'cache_hit', track: 'control', value: 0.84 }]);
    expect(found[0]).toMatchObject({ gateId: 'infra:cache', score: Number.POSITIVE_INFINITY });
  });

  it('a canary better than a control already past the gate is still no anomaly', () => {
    expect(anomalies([canaryAt('cache_hit', 0.84), { kpi: 'cache_hit', track: 'control', value: 0.8 }])).toEqual([]);
  });

  it('missing or stale data is left to the gates, not reported as an anomaly', () => {
    expect(anomalies([...worse, canaryAt('latency_p95', Number.NaN)], 4).map((a) => a.gateId)).not.toContain('p95:all');
  });
});
