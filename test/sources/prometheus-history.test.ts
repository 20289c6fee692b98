/**
 * Range reads (Source.history) on a fake driver: what is asked, in how many
 * requests, and what comes back when the batch is refused or nothing
 * answers. The real server's answers are in test/live/prometheus-answers.test.ts.
 */
import { QueryResult } from 'prometheus-query';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/config/secrets.js';
import { prometheusSourceSchema } from '../../src/sources/prometheus/prometheus-config.js';
import { historyStepSeconds } from '../../src/sources/prometheus/prometheus-history.js';
import { PrometheusSource, type PrometheusQueries } from '../../src/sources/prometheus/prometheus-source.js';
import { CompositeSource, type Source, type SourceResult } from '../../src/sources/source.js';
import { SERIES_CAPACITY } from '../../src/store/series-store.js';

const START = Date.parse('2026-11-26T10:00:00Z');
const SECRET = 'Bearer s3cr3t-in-the-axios-config';

interface RangeCall { query: string; start: number; end: number; step: string | number }

/** Answers range queries from `answer` (Prometheus JSON `data`, parsed as prometheus-query does), recording each call; instant queries get an empty vector. */
function fakeDriver(answer: (query: string) => unknown): PrometheusQueries & { calls: RangeCall[]; instant: string[] } {
  const calls: RangeCall[] = [];
  const instant: string[] = [];
  return {
    calls,
    instant,
    instantQuery: async (query) => {
      instant.push(query);
      return QueryResult.fromJSON({ resultType: 'vector', result: [] });
    },
    rangeQuery: async (query, start, end, step) => {
      calls.push({ query, start: new Date(start).getTime(), end: new Date(end).getTime(), step });
      return QueryResult.fromJSON(answer(query) as object);
    },
  };
}

const matrix = (series: Array<{ labels: Record<string, string>; values: Array<[number, string]> }>) => ({
  resultType: 'matrix',
  result: series.map((s) => ({ metric: s.labels, values: s.values })),
});

function source(driver: PrometheusQueries, queries: Record<string, string>): PrometheusSource {
  const cfg = prometheusSourceSchema.parse({ type: 'prometheus', url: 'http://127.0.0.1:9', queries });
  return new PrometheusSource(cfg, driver, new Redactor());
}

const QUERIES = { latency_p95: 'p95_ms{ {{tracks}} }', cache_hit: 'cache_ratio', latency_p50: 'p50_ms' };

describe('Prometheus range reads', () => {
  it('asks for the requested KPIs in one request over the window and splits the answer by KPI, each point at its own time', async () => {
    const s = START / 1000;
    const driver = fakeDriver(() => matrix([
      { labels: { track: 'canary', journey: 'checkout', canary_tui_kpi: 'latency_p95' }, values: [[s, '101'], [s + 60, '103']] },
      { labels: { track: 'control', canary_tui_kpi: 'latency_p95' }, values: [[s, '98']] },
      { labels: { track: 'canary', canary_tui_kpi: 'cache_hit' }, values: [[s + 60, '0.9']] },
    ]));
    const r = await source(driver, QUERIES).history(['latency_p95', 'cache_hit', 'margin'], START, START + 600_000, 60_000);
    expect(driver.calls).toHaveLength(1);
    expect(driver.calls[0]).toMatchObject({ start: START, end: START + 600_000, step: 60 });
    expect(driver.calls[0]!.query).toBe('label_replace((p95_ms{ track=~"canary|control" }), "canary_tui_kpi", "latency_p95", "", "") or label_replace((cache_ratio), "canary_tui_kpi", "cache_hit", "", "")');
    expect(r.problems).toEqual([]);
    expect(r.samples).toEqual([
      { kpi: 'latency_p95', track: 'canary', journey: 'checkout', value: 101, at: START },
      { kpi: 'latency_p95', track: 'canary', journey: 'checkout', value: 103, at: START + 60_000 },
      { kpi: 'latency_p95', track: 'control', journey: 'all', value: 98, at: START },
      { kpi: 'cache_hit', track: 'canary', journey: 'all', value: 0.9, at: START + 60_000 },
    ]);
  });

  it('a refused batch is asked again one KPI at a time, and the refused KPI is named', async () => {
    const driver = fakeDriver((query) => {
      if (query.includes('broken(')) throw { status: 'error', errorType: 'http_error', httpStatus: 400, error: 'parse error: unknown function "broken"' };
      return matrix([{ labels: { track: 'canary' }, values: [[START / 1000, '0.9']] }]);
    });
    const r = await source(driver, { cache_hit: 'cache_ratio', db_pool_saturation: 'broken(x)' }).history(['cache_hit', 'db_pool_saturation'], START, START + 60_000, 60_000);
    expect(driver.calls.map((c) => (c.query.includes(' or ') ? 'batch' : 'alone'))).toEqual(['batch', 'alone', 'alone']);
    expect(r.problems).toEqual([{ kind: 'bad-query', kpi: 'db_pool_saturation', message: 'db_pool_saturation: Prometheus 127.0.0.1:9: HTTP 400: parse error: unknown function "broken"' }]);
    expect(r.samples.map((x) => x.kpi)).toEqual(['cache_hit']);
  });

  it('a KPI a range read refused is still batched in the live reads (a range may be refused for its size alone)', async () => {
    const driver = fakeDriver((query) => {
      if (query.includes('cache_ratio')) throw { status: 'error', errorType: 'http_error', httpStatus: 422, error: 'query would load too many samples' };
      return matrix([]);
    });
    const s = source(driver, QUERIES);
    const r = await s.history(['cache_hit', 'latency_p95'], START, START + 60_000, 60_000);
    expect(r.problems.map((p) => `${p.kind} ${p.kpi}`)).toEqual(['bad-query cache_hit']);
    await s.read(START + 60_000);
    expect(driver.instant).toHaveLength(1);
    expect(driver.instant[0]).toContain('"cache_hit"');
  });

  it('an unreachable server is an unreachable problem per KPI, and the Authorization header in the error never comes out', async () => {
    const driver = fakeDriver(() => {
      // What prometheus-query throws when nothing answers: `original` holds axios's config, headers and all.
      throw { status: 'error', errorType: 'network_error', error: `connect ECONNREFUSED; sent ${SECRET}`, code: 'ECONNREFUSED', original: { config: { headers: { Authorization: SECRET } } } };
    });
    const r = await source(driver, QUERIES).history(['latency_p95', 'cache_hit'], START, START + 60_000, 60_000);
    expect(r.samples).toEqual([]);
    expect(r.problems).toEqual(['latency_p95', 'cache_hit'].map((kpi) => ({ kind: 'unreachable', kpi, message: 'Prometheus 127.0.0.1:9: cannot connect (ECONNREFUSED)' })));
    expect(JSON.stringify(r)).not.toContain('s3cr3t');
  });

  it('asks nothing when no requested KPI has a query or the window is empty; a broken template is named', async () => {
    const driver = fakeDriver(() => matrix([]));
    const s = source(driver, { ...QUERIES, margin: 'x{ {{trak}} }' });
    expect(await s.history(['markup'], START, START + 60_000, 60_000)).toEqual({ samples: [], problems: [] });
    expect(await s.history(['latency_p95'], START + 500, START + 600, 60_000)).toEqual({ samples: [], problems: [] });
    const broken = await s.history(['margin'], START, START + 60_000, 60_000);
    expect(broken.problems).toEqual([{ kind: 'bad-query', kpi: 'margin', message: expect.stringContaining('unknown placeholder {{trak}}') }]);
    expect(driver.calls).toEqual([]);
  });

  it('starts on a whole second at or after the asked start, so points fall on whole seconds', async () => {
    const driver = fakeDriver(() => matrix([]));
    await source(driver, QUERIES).history(['latency_p95'], START + 1_500, START + 60_000, 15_000);
    expect(driver.calls[0]).toMatchObject({ start: START + 2_000, end: START + 60_000, step: 15 });
  });
});

describe('the range step never yields more points than the store keeps', () => {
  const HOUR = 3_600_000;
  it.each([
    ['a short window keeps the check interval', 15_000, HOUR, 15],
    ['a sub-second interval rounds up to one second', 250, 10_000, 1],
    ['eight hours at 15 s would be 1921 points: coarser', 15_000, 8 * HOUR, 41],
    ['exactly 719 steps of a minute: 720 points, kept', 1_000, 719 * 60_000, 60],
    ['720 steps of a minute would be 721 points: a second coarser', 1_000, 720 * 60_000, 61],
    ['a day at one second', 1_000, 24 * HOUR, 121],
  ])('%s', (_name, stepMs, span, seconds) => {
    const step = historyStepSeconds({ start: START, end: START + span, stepMs });
    expect(step).toBe(seconds);
    expect(Math.floor(span / 1000 / step) + 1).toBeLessThanOrEqual(SERIES_CAPACITY);
  });
});

describe('a composite source looks back through the sources that can', () => {
  const fixed = (name: string, history?: Source['history']): Source => ({
    name, read: async () => ({ samples: [], problems: [] }), ...(history ? { history } : {}),
  });
  const answer = (value: number): Source['history'] => async (kpis, start) => ({ samples: kpis.map((kpi) => ({ kpi, track: 'canary', journey: 'all', value, at: start })), problems: [] });

  it('has no history when none of its sources has one', () => {
    expect(new CompositeSource([fixed('billing'), fixed('other')]).history).toBeUndefined();
  });

  it('forwards to those that have one and adds their answers up', async () => {
    const composite = new CompositeSource([fixed('prom a', answer(1)), fixed('billing'), fixed('prom b', answer(2))]);
    const r: SourceResult = await composite.history!(['latency_p95'], START, START + 60_000, 60_000);
    expect(r.samples.map((x) => x.value)).toEqual([1, 2]);
  });
});
