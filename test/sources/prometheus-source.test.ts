import { afterEach, describe, expect, it } from 'vitest';
import { Redactor } from '../../src/config/secrets.js';
import { createPrometheusDriver } from '../../src/sources/prometheus/prometheus-client.js';
import { prometheusSourceSchema } from '../../src/sources/prometheus/prometheus-config.js';
import { PrometheusSource } from '../../src/sources/prometheus/prometheus-source.js';
import { json, promAnswer, startRecordingServer, vector, type Handler, type RecordingServer } from './recording-server.js';

const TOKEN = 's3cr3t-bearer-token-value';
let server: RecordingServer | null = null;
afterEach(async () => server?.stop());

async function sourceAgainst(handler: Handler, extra: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}) {
  server = await startRecordingServer(handler);
  const cfg = prometheusSourceSchema.parse({ type: 'prometheus', url: server.url, queries: { latency_p95: 'max by ({{track}}, {{journey}}) (p95_ms{ {{tracks}} })' }, ...extra });
  const redactor = new Redactor();
  return new PrometheusSource(cfg, createPrometheusDriver(cfg, { configFile: 'w.yaml', env, redactor }), redactor);
}

describe('Prometheus source over HTTP', () => {
  // Issue 8, observation 15: values were stamped with the query's evaluation time, so old samples looked fresh.
  it('asks each KPI and the newest sample time behind it in one request, and stamps values with that time, not the query time', async () => {
    const at = Date.parse('2026-11-26T10:00:00Z');
    const sampledAt = at / 1000 - 42;
    const series: Array<{ labels: Record<string, string>; value: string }> = [
      { labels: { track: 'canary', journey: 'checkout' }, value: '131.5' },
      { labels: { track: 'control', journey: 'checkout' }, value: '98' },
      { labels: { track: 'canary' }, value: '101' },
      { labels: { track: 'shadow', journey: 'checkout' }, value: '1' },
    ];
    const source = await sourceAgainst((req, res) => json(res, 200, promAnswer(req.query.get('query')!, { latency_p95: series }, sampledAt, at / 1000)));
    const r = await source.read(at);
    expect(server!.requests).toHaveLength(1);
    expect(server!.requests[0]!.path).toBe('/api/v1/query');
    expect(server!.requests[0]!.query.get('time')).toBe(String(at / 1000));
    expect(server!.requests[0]!.query.get('query')).toBe(
      'label_replace((max by (track, journey) (p95_ms{ track=~"canary|control" })), "canary_tui_kpi", "latency_p95", "", "")'
      + ' or label_replace((max by (track, journey) (timestamp(p95_ms{ track=~"canary|control" }))), "canary_tui_kpi", "latency_p95~0", "", "")',
    );
    expect(r.problems).toEqual([]);
    const sampleTime = at - 42_000;
    expect(r.samples).toEqual([
      { kpi: 'latency_p95', track: 'canary', journey: 'checkout', value: 131.5, at: sampleTime },
      { kpi: 'latency_p95', track: 'control', journey: 'checkout', value: 98, at: sampleTime },
      { kpi: 'latency_p95', track: 'canary', journey: 'all', value: 101, at: sampleTime },
    ]);
  });

  it('a value with no sample time behind it is not used, and says why', async () => {
    const series = [{ labels: { track: 'canary' }, value: '1' }];
    const source = await sourceAgainst((req, res) => json(res, 200, promAnswer(req.query.get('query')!, { latency_p95: series }, 1_700_000_000)), { queries: { latency_p95: 'vector(1)' } });
    const r = await source.read(Date.now());
    expect(r.samples).toEqual([]);
    expect(r.problems).toEqual([{ kind: 'bad-response', kpi: 'latency_p95', message: expect.stringMatching(/^latency_p95: Prometheus 127\.0\.0\.1:\d+: no sample time behind the value/) }]);
  });

  it('keeps NaN and +Inf for the rules to call UNKNOWN, and an empty vector gives no samples', async () => {
    const now = Date.now();
    const series = [
      { labels: { track: 'canary', journey: 'search' }, value: 'NaN' },
      { labels: { track: 'control', journey: 'search' }, value: '+Inf' },
    ];
    const source = await sourceAgainst((req, res) => json(res, 200, promAnswer(req.query.get('query')!, { latency_p95: series }, now / 1000)));
    const r = await source.read(now);
    // prometheus-query parses "+Inf" with parseFloat, so it arrives as NaN; both are non-finite and UNKNOWN.
    expect(r.samples.map((s) => [s.track, Number.isFinite(s.value)])).toEqual([['canary', false], ['control', false]]);
    await server!.stop();
    const empty = await sourceAgainst((req, res) => json(res, 200, promAnswer(req.query.get('query')!, {}, now / 1000)));
    // It says which KPIs it asked: a series absent from the answer has no data now (gating-snapshot.ts).
    expect(await empty.read(Date.now())).toEqual({ samples: [], problems: [], asked: ['latency_p95'] });
  });

  it('bad PromQL names the KPI and shows Prometheus’s own error', async () => {
    const source = await sourceAgainst((_req, res) => json(res, 400, { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:9: parse error: unexpected "}"' }));
    const r = await source.read(Date.now());
    expect(r.problems).toEqual([{ kind: 'bad-query', kpi: 'latency_p95', message: expect.stringMatching(/^latency_p95: Prometheus 127\.0\.0\.1:\d+: HTTP 400: invalid parameter "query": 1:9: parse error: unexpected "}"$/) }]);
  });

  it('an HTML error page from a proxy is a readable problem, not a crash', async () => {
    const source = await sourceAgainst((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad Gateway</body></html>');
    });
    const r = await source.read(Date.now());
    expect(r.samples).toEqual([]);
    expect(r.problems[0]!.message).toContain('not Prometheus API JSON');
  });

  it('an unknown placeholder is reported for its KPI before any request', async () => {
    const source = await sourceAgainst((_req, res) => json(res, 200, vector([])), { queries: { cache_hit: 'x{ {{trak}} }' } });
    const r = await source.read(Date.now());
    expect(server!.requests).toHaveLength(0);
    expect(r.problems[0]).toMatchObject({ kind: 'bad-query', kpi: 'cache_hit', message: expect.stringContaining('unknown placeholder {{trak}}') });
  });
});

describe('auth and routing reach the server, and the secret never comes back out', () => {
  it('bearer token from the environment, a tenant header and a secret header', async () => {
    const source = await sourceAgainst((_req, res) => json(res, 200, vector([])), {
      bearerToken: { env: 'PROM_TOKEN' }, headers: { 'X-Scope-OrgID': 'tenant-a' }, secretHeaders: { 'X-Api-Key': { env: 'API_KEY' } },
    }, { PROM_TOKEN: TOKEN, API_KEY: 'key-9f8e7d6c' });
    await source.read(Date.now());
    const h = server!.requests[0]!.headers;
    expect(h.authorization).toBe(`Bearer ${TOKEN}`);
    expect(h['x-scope-orgid']).toBe('tenant-a');
    expect(h['x-api-key']).toBe('key-9f8e7d6c');
  });

  it('basic auth with the password from the environment', async () => {
    const source = await sourceAgainst((_req, res) => json(res, 200, vector([])), { basicAuth: { username: 'ic', password: { env: 'PROM_PW' } } }, { PROM_PW: 'pw-123456' });
    await source.read(Date.now());
    expect(server!.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ic:pw-123456').toString('base64')}`);
  });

  it('Grafana datasource proxy: the path carries the datasource UID and the service-account token', async () => {
    server = await startRecordingServer((_req, res) => json(res, 200, vector([])));
    const cfg = prometheusSourceSchema.parse({ type: 'prometheus', grafana: { url: server.url, datasourceUid: 'prom-main', token: { env: 'GRAFANA_TOKEN' } }, queries: { cache_hit: 'up' } });
    const redactor = new Redactor();
    const source = new PrometheusSource(cfg, createPrometheusDriver(cfg, { configFile: 'w.yaml', env: { GRAFANA_TOKEN: TOKEN }, redactor }), redactor);
    await source.read(Date.now());
    expect(server.requests[0]!.path).toBe('/api/datasources/proxy/uid/prom-main/api/v1/query');
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('an error that echoes the token back is scrubbed', async () => {
    const source = await sourceAgainst((req, res) => json(res, 401, { status: 'error', errorType: 'unauthorized', error: `token ${req.headers.authorization} rejected` }), { bearerToken: { env: 'PROM_TOKEN' } }, { PROM_TOKEN: TOKEN });
    const r = await source.read(Date.now());
    expect(r.problems[0]!.message).toContain('HTTP 401: token Bearer [redacted] rejected');
    expect(JSON.stringify(r)).not.toContain(TOKEN);
  });

  it('a missing secret is bad input naming the variable, never a value', () => {
    const cfg = prometheusSourceSchema.parse({ type: 'prometheus', url: 'http://127.0.0.1:9', bearerToken: { env: 'PROM_TOKEN' }, queries: {} });
    expect(() => createPrometheusDriver(cfg, { configFile: 'w.yaml', env: {}, redactor: new Redactor() })).toThrow('w.yaml: source.bearerToken: expected environment variable PROM_TOKEN to be set');
  });
});

describe('batching', () => {
  it('asks for every KPI in one request and splits the answer by KPI', async () => {
    const now = Date.now();
    const source = await sourceAgainst((req, res) => {
      expect(req.query.get('query')).toContain('label_replace((max by (track, journey) (p95_ms{ track=~"canary|control" })), "canary_tui_kpi", "latency_p95", "", "") or label_replace((cache_ratio), "canary_tui_kpi", "cache_hit", "", "")');
      expect(req.query.get('query')).toContain('label_replace((max by (track, journey) (timestamp(cache_ratio))), "canary_tui_kpi", "cache_hit~0", "", "")');
      json(res, 200, promAnswer(req.query.get('query')!, {
        latency_p95: [{ labels: { track: 'canary', journey: 'checkout' }, value: '101' }],
        cache_hit: [{ labels: { track: 'canary' }, value: '0.9' }],
      }, now / 1000));
    }, { queries: { latency_p95: 'max by ({{track}}, {{journey}}) (p95_ms{ {{tracks}} })', cache_hit: 'cache_ratio' } });
    const r = await source.read(now);
    expect(server!.requests).toHaveLength(1);
    expect(r.samples.map((s) => `${s.kpi} ${s.journey} ${s.value}`)).toEqual(['latency_p95 checkout 101', 'cache_hit all 0.9']);
  });

  it('a refused batch is retried one KPI at a time, and the culprit stays alone afterwards', async () => {
    const source = await sourceAgainst((req, res) => {
      const q = req.query.get('query') ?? '';
      if (q.includes('broken(')) json(res, 400, { status: 'error', errorType: 'bad_data', error: 'parse error: unknown function "broken"' });
      else {
        const one = [{ labels: { track: 'canary' }, value: '0.9' }];
        json(res, 200, promAnswer(q, q.includes('canary_tui_kpi') ? { cache_hit: one, markup: one, db_pool_saturation: one } : { any: one }, Date.now() / 1000));
      }
    }, { queries: { cache_hit: 'cache_ratio', db_pool_saturation: 'broken(x)', markup: 'markup_ratio' } });
    const first = await source.read(Date.now());
    expect(first.problems.map((p) => p.kpi)).toEqual(['db_pool_saturation']);
    expect(first.samples.map((s) => s.kpi).sort()).toEqual(['cache_hit', 'markup']);
    // The batch of six (three values, three sample times), then each of the six alone.
    expect(server!.requests).toHaveLength(7);
    server!.requests.length = 0;
    await source.read(Date.now());
    expect(server!.requests.map((r) => (r.query.get('query')!.includes('broken(') ? 'alone' : 'batch')).sort()).toEqual(['alone', 'batch']);
  });
});
