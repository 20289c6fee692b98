/**
 * The Prometheus source against a real Prometheus: a recorded window
 * backfilled with promtool and read at past times (the retrospective path),
 * a histogram with no traffic (NaN), PromQL that Prometheus rejects, and
 * range reads (history) over the recorded window. One server for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateGate, gatesForPhase } from '../../rules/gates.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { seriesKey, type Sample } from '../../rules/types.js';
import { Redactor } from '../../src/config/secrets.js';
import { createPrometheusDriver } from '../../src/sources/prometheus/prometheus-client.js';
import { prometheusSourceSchema } from '../../src/sources/prometheus/prometheus-config.js';
import { PrometheusSource } from '../../src/sources/prometheus/prometheus-source.js';
import { SERIES_CAPACITY, SeriesStore } from '../../src/store/series-store.js';
import { backfill } from '../support/backfill.js';
import { startExporter, type Exporter } from '../support/exporter.js';
import { startPrometheus, waitForQuery, type PrometheusServer } from '../support/prometheus-server.js';

const T0 = Math.floor(Date.now() / 1000) - 3 * 3600;
let prom: PrometheusServer;
const TREND: Array<[track: string, journey: string, atMinute: (m: number) => number]> = [
  ['canary', 'checkout', (m) => 100 + m], ['canary', 'all', (m) => 90 + m],
  ['control', 'checkout', () => 98], ['control', 'all', (m) => 80 + 2 * m],
];
const TREND_P95 = 'max by ({{track}}, {{journey}}) (web_p95_trend_ms{ {{tracks}} })';
let exporter: Exporter;

function source(queries: Record<string, string>): PrometheusSource {
  const cfg = prometheusSourceSchema.parse({ type: 'prometheus', url: prom.url, queries });
  const redactor = new Redactor();
  return new PrometheusSource(cfg, createPrometheusDriver(cfg, { configFile: 'w.yaml', env: {}, redactor }), redactor);
}

beforeAll(async () => {
  // A recorded regression: canary checkout P95 at 100 ms, then 140 ms from minute 30.
  const points = (f: (m: number) => number) => Array.from({ length: 61 }, (_, m) => [T0 + m * 60, f(m)] as [number, number]);
  const dataDir = await backfill([
    { name: 'web_latency_ms', labels: { track: 'canary', journey: 'checkout', quantile: '0.95' }, points: points((m) => (m < 30 ? 100 : 140)) },
    { name: 'web_latency_ms', labels: { track: 'control', journey: 'checkout', quantile: '0.95' }, points: points(() => 98) },
    // A P95 that moves every minute, so a point read at the wrong time has the wrong value.
    ...TREND.map(([track, journey, f]) => ({ name: 'web_p95_trend_ms', labels: { track, journey }, points: points(f) })),
  ]);
  exporter = await startExporter();
  // Buckets that never move: rate() is 0, so histogram_quantile answers NaN, as with no traffic.
  for (const track of ['canary', 'control']) {
    exporter.setHistogram('idle_request_seconds', { track, journey: 'search' }, { '0.1': 5, '0.5': 9, '+Inf': 10 }, 2.5, 10);
  }
  prom = await startPrometheus({ targets: [exporter.target], scrapeInterval: '1s', dataDir });
  // rate() needs two scrapes inside its range before it answers at all.
  await waitForQuery(prom.url, 'rate(idle_request_seconds_bucket[10s])', (r) => r.length > 0, 30_000);
}, 90_000);

afterAll(async () => {
  await prom?.stop();
  await exporter?.stop();
});

describe('the Prometheus source on a real server', { timeout: 60_000 }, () => {
  it('reads a backfilled window at explicit past times: before and after the regression', async () => {
    const s = source({ latency_p95: 'max by ({{track}}, {{journey}}) (web_latency_ms{quantile="0.95", {{tracks}}})' });
    const before = await s.read((T0 + 20 * 60) * 1000);
    const after = await s.read((T0 + 45 * 60) * 1000);
    const canary = (r: typeof before) => r.samples.find((x) => x.track === 'canary' && x.journey === 'checkout')?.value;
    expect(canary(before)).toBe(100);
    expect(canary(after)).toBe(140);
    expect(after.samples.find((x) => x.track === 'control')?.value).toBe(98);
  });

  // Issue 8, observation 15: after a restart on an old TSDB, samples minutes old came back stamped with the query time and looked fresh.
  it('a value read three minutes after its last sample carries that sample\'s time, and its gate is UNKNOWN as stale', async () => {
    const s = source({ latency_p95: 'max by ({{track}}, {{journey}}) (web_latency_ms{quantile="0.95", {{tracks}}})' });
    const lastSample = (T0 + 60 * 60) * 1000;
    const now = lastSample + 3 * 60_000;
    const r = await s.read(now);
    expect(r.problems).toEqual([]);
    const checkout = r.samples.filter((x) => x.journey === 'checkout');
    expect(checkout.map((x) => [x.track, x.value, x.at])).toEqual(expect.arrayContaining([['canary', 140, lastSample], ['control', 98, lastSample]]));
    const store = new SeriesStore();
    store.push(r.samples);
    const def = gatesForPhase(DEFAULT_POLICY, DEFAULT_POLICY.phases[0]!).find((g) => g.id === 'p95:checkout')!;
    const gate = evaluateGate(def, { snapshot: store.snapshot(), now, staleAfterMs: 60_000 });
    expect(gate).toMatchObject({ status: 'UNKNOWN', reason: 'P95 checkout: UNKNOWN, latency_p95 canary checkout is stale (3m old)' });
  });

  it('a histogram with no traffic answers NaN, and the gate says UNKNOWN with that reason', async () => {
    const s = source({ latency_p95: 'histogram_quantile(0.95, sum by (le, {{track}}, {{journey}}) (rate(idle_request_seconds_bucket{ {{tracks}} }[10s]))) * 1000' });
    const now = Date.now();
    const r = await s.read(now);
    expect(r.problems).toEqual([]);
    expect(r.samples.map((x) => [x.track, x.journey, Number.isNaN(x.value)])).toEqual(expect.arrayContaining([['canary', 'search', true], ['control', 'search', true]]));
    const store = new SeriesStore();
    store.push(r.samples);
    expect(store.snapshot().latest.has(seriesKey('latency_p95', 'canary', 'search'))).toBe(true);
    const gate = gatesForPhase(DEFAULT_POLICY, DEFAULT_POLICY.phases[0]!).find((g) => g.id === 'p95:search')!;
    const result = evaluateGate(gate, { snapshot: store.snapshot(), now, staleAfterMs: 60_000 });
    expect(result.status).toBe('UNKNOWN');
    expect(result.reason).toBe('P95 search: UNKNOWN, latency_p95 canary search is NaN');
  });

  it('bad PromQL: the message names the KPI and shows Prometheus’s error; other KPIs still arrive', async () => {
    const s = source({ cache_hit: 'sum by ({{track}} (up', latency_p95: 'max by ({{track}}, {{journey}}) (web_latency_ms{quantile="0.95", {{tracks}}})' });
    const r = await s.read((T0 + 45 * 60) * 1000);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ kind: 'bad-query', kpi: 'cache_hit' });
    expect(r.problems[0]!.message).toMatch(/^cache_hit: Prometheus 127\.0\.0\.1:\d+: HTTP 400: .*parse error/);
    expect(r.samples.length).toBe(2);
  });
});

describe('range reads (history) on a real server', { timeout: 60_000 }, () => {
  const MINUTE = 60_000;
  const bySeries = (samples: Sample[]) => {
    const out: Record<string, Array<[number, number]>> = {};
    for (const x of samples) (out[`${x.kpi} ${x.track} ${x.journey}`] ??= []).push([x.at, x.value]);
    return out;
  };

  it('returns a point exactly at start, start + step, … with the recorded values, per KPI, track and journey, in one batched request', async () => {
    const s = source({ latency_p95: TREND_P95, latency_p50: `${TREND_P95} / 2` });
    const start = (T0 + 10 * 60) * 1000;
    const r = await s.history(['latency_p95', 'latency_p50'], start, start + 10 * MINUTE, MINUTE);
    expect(r.problems).toEqual([]);
    const expected: Record<string, Array<[number, number]>> = {};
    for (const [kpi, scale] of [['latency_p95', 1], ['latency_p50', 0.5]] as const) {
      for (const [track, journey, f] of TREND) expected[`${kpi} ${track} ${journey}`] = Array.from({ length: 11 }, (_, i) => [start + i * MINUTE, f(10 + i) * scale]);
    }
    expect(bySeries(r.samples)).toEqual(expected);
  });

  it('an hour asked at one-second steps comes back at most as many points per series as the store keeps, evenly spaced', async () => {
    const s = source({ latency_p95: TREND_P95 });
    const r = await s.history(['latency_p95'], T0 * 1000, (T0 + 3600) * 1000, 1000);
    const series = Object.values(bySeries(r.samples));
    expect(series).toHaveLength(4);
    for (const points of series) {
      expect(points.length).toBeLessThanOrEqual(SERIES_CAPACITY);
      expect(points.length).toBe(601);
      expect(new Set(points.slice(1).map(([at], i) => at - points[i]![0]))).toEqual(new Set([6000]));
    }
  });

  it('bad PromQL in a range read names the KPI and shows Prometheus’s error; the other KPI still arrives', async () => {
    const s = source({ cache_hit: 'sum by ({{track}} (up', latency_p95: TREND_P95 });
    const start = (T0 + 10 * 60) * 1000;
    const r = await s.history(['cache_hit', 'latency_p95'], start, start + 10 * MINUTE, MINUTE);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ kind: 'bad-query', kpi: 'cache_hit' });
    expect(r.problems[0]!.message).toMatch(/^cache_hit: Prometheus 127\.0\.0\.1:\d+: HTTP 400: .*parse error/);
    expect(r.samples).toHaveLength(44);
  });
});
