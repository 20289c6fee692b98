/**
 * Freshness is the data's own, on a real Prometheus: an instant query stamps
 * every answer with its evaluation time, so a value built from samples minutes
 * old must still carry those samples' time, or a Prometheus that stopped
 * ingesting (or restarted on old data) looks live for the whole 5-minute
 * lookback. The TSDB is backfilled with promtool, newest samples a known age
 * before the query time. One server for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read } from '../../rules/measures.js';
import { seriesKey, type Sample } from '../../rules/types.js';
import { Redactor } from '../../src/config/secrets.js';
import { createPrometheusDriver } from '../../src/sources/prometheus/prometheus-client.js';
import { prometheusSourceSchema } from '../../src/sources/prometheus/prometheus-config.js';
import { PrometheusSource, type PrometheusQueries } from '../../src/sources/prometheus/prometheus-source.js';
import { backfill } from '../support/backfill.js';
import { startPrometheus, waitForQuery, type PrometheusServer } from '../support/prometheus-server.js';

/** The check's time, a whole second; every sample below is a known age before it. */
const QUERY_S = Math.floor(Date.now() / 1000);
const QUERY = QUERY_S * 1000;
/** Newest sample ages (s): canary's gauge and counter are within the 5-minute lookback but long stale; control's gauge is fresh. */
const CANARY_AGE = 180;
const CONTROL_AGE = 20;
const COUNTER_AGE = 150;
const P95 = 'max by ({{track}}, {{journey}}) (fresh_p95_ms{ {{tracks}} })';
const RATE = 'sum by ({{track}}) (rate(fresh_requests_total{ {{tracks}} }[5m]))';
let prom: PrometheusServer;

/** Points every `every` s from 30 min before the query up to `age` s before it. */
const upTo = (age: number, every: number, value: (i: number) => number) =>
  Array.from({ length: Math.floor((1800 - age) / every) + 1 }, (_, i) => [QUERY_S - 1800 + i * every, value(i)] as [number, number])
    .filter(([t]) => t <= QUERY_S - age);

beforeAll(async () => {
  const dataDir = await backfill([
    { name: 'fresh_p95_ms', labels: { track: 'canary', journey: 'checkout' }, points: upTo(CANARY_AGE, 30, () => 101) },
    { name: 'fresh_p95_ms', labels: { track: 'control', journey: 'checkout' }, points: upTo(CONTROL_AGE, 10, () => 98) },
    { name: 'fresh_requests_total', labels: { track: 'canary' }, points: upTo(COUNTER_AGE, 15, (i) => 60 * i) },
  ]);
  prom = await startPrometheus({ dataDir });
  await waitForQuery(prom.url, 'fresh_p95_ms', (r) => r.length === 2, 20_000, { time: QUERY_S });
}, 90_000);

afterAll(async () => prom?.stop());

/** A source on the real server, counting the instant requests it sends. */
function source(queries: Record<string, string>) {
  const cfg = prometheusSourceSchema.parse({ type: 'prometheus', url: prom.url, queries });
  const redactor = new Redactor();
  const driver = createPrometheusDriver(cfg, { configFile: 'w.yaml', env: {}, redactor });
  const sent: string[] = [];
  const counting: PrometheusQueries = {
    instantQuery: (q, t) => { sent.push(q); return driver.instantQuery(q, t); },
    rangeQuery: (...args) => driver.rangeQuery(...args),
  };
  return { s: new PrometheusSource(cfg, counting, redactor), sent };
}

const byKey = (samples: Sample[]) => Object.fromEntries(samples.map((x) => [`${x.kpi} ${x.track} ${x.journey}`, [x.value, x.at]]));
const snapshot = (samples: Sample[]) => ({ latest: new Map(samples.map((x) => [seriesKey(x.kpi, x.track, x.journey), x])) });

describe('each Prometheus value carries the time of the newest sample behind it', { timeout: 60_000 }, () => {
  it('a gauge and a rate(), in one batched request, each stamped with its own samples’ time, not the query time', async () => {
    const { s, sent } = source({ latency_p95: P95, requests: RATE });
    const r = await s.read(QUERY);
    expect(r.problems).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(byKey(r.samples)).toEqual({
      'latency_p95 canary checkout': [101, QUERY - CANARY_AGE * 1000],
      'latency_p95 control checkout': [98, QUERY - CONTROL_AGE * 1000],
      // timestamp(rate(...)) would be the query time again: the time is the raw counter's newest sample.
      // (The rate's value depends on Prometheus's extrapolation; that it is a positive rate is enough here.)
      'requests canary all': [expect.any(Number), QUERY - COUNTER_AGE * 1000],
    });
    expect(r.samples.find((x) => x.kpi === 'requests')!.value).toBeGreaterThan(0);
  });

  it('so the rules call the 3-minute-old canary stale (UNKNOWN) and the 20-second-old control fresh', async () => {
    const { s } = source({ latency_p95: P95 });
    const ctx = { snapshot: snapshot((await s.read(QUERY)).samples), now: QUERY, staleAfterMs: 60_000 };
    expect(read(ctx, 'latency_p95', 'canary', 'checkout')).toEqual({ value: null, at: QUERY - CANARY_AGE * 1000, problem: 'latency_p95 canary checkout is stale (3m old)' });
    expect(read(ctx, 'latency_p95', 'control', 'checkout')).toEqual({ value: 98, at: QUERY - CONTROL_AGE * 1000 });
  });

  it('a KPI with no series selector to take a time from is never fresh: its values are not used, and it is named', async () => {
    const { s } = source({ latency_p95: P95, cache_hit: 'label_replace(vector(0.9), "{{track}}", "{{canary}}", "", "")' });
    const r = await s.read(QUERY);
    expect(r.samples.map((x) => `${x.kpi} ${x.track}`)).toEqual(['latency_p95 canary', 'latency_p95 control']);
    expect(r.problems).toEqual([{ kind: 'bad-response', kpi: 'cache_hit', message: expect.stringMatching(/^cache_hit: .*no sample time/) }]);
  });
});
