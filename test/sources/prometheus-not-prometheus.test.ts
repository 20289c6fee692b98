/**
 * A server at the Prometheus URL that answers, but not as Prometheus: an
 * SSO sign-in page at HTTP 200, JSON of another API, a proxy's HTML 502.
 * Issue 9: the sign-in page read "cannot connect" and named no KPI, because
 * prometheus-query re-wraps its own "not Prometheus JSON" error as a network
 * error. The server did answer: each KPI gets a 'bad-response' saying what came.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Redactor } from '../../src/config/secrets.js';
import { createPrometheusDriver } from '../../src/sources/prometheus/prometheus-client.js';
import { prometheusSourceSchema } from '../../src/sources/prometheus/prometheus-config.js';
import { PrometheusSource } from '../../src/sources/prometheus/prometheus-source.js';
import { json, startRecordingServer, type Handler, type RecordingServer } from './recording-server.js';

const TOKEN = 'tok-sso-8e1d4b7a2c9f';
const SIGN_IN = '<!doctype html><html><head><title>Sign in</title></head><body><form action="/login"></form></body></html>';
let server: RecordingServer | null = null;
afterEach(async () => server?.stop());

async function sourceAgainst(handler: Handler, batch = true) {
  server = await startRecordingServer(handler);
  const cfg = prometheusSourceSchema.parse({
    type: 'prometheus', url: server.url, batch, bearerToken: { env: 'PROM_TOKEN' }, queries: { cache_hit: 'cache_ratio', markup: 'markup_ratio' },
  });
  const redactor = new Redactor();
  return new PrometheusSource(cfg, createPrometheusDriver(cfg, { configFile: 'w.yaml', env: { PROM_TOKEN: TOKEN }, redactor }), redactor);
}

const html = (status: number): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(SIGN_IN);
};

describe('an answer that is not Prometheus API JSON', () => {
  it.each([true, false])('an HTML sign-in page at HTTP 200 is a bad-response naming each KPI (batch: %s)', async (batch) => {
    const source = await sourceAgainst(html(200), batch);
    const r = await source.read(Date.now());
    expect(r.samples).toEqual([]);
    expect(r.problems).toEqual(['cache_hit', 'markup'].map((kpi) => ({
      kind: 'bad-response', kpi,
      message: `${kpi}: Prometheus ${new URL(server!.url).host}: HTTP 200: the server answered HTML (text/html), not Prometheus API JSON (a sign-in page or a proxy in the way?)`,
    })));
  });

  it('JSON of some other API at HTTP 200 is a bad-response too', async () => {
    const source = await sourceAgainst((_req, res) => json(res, 200, { login: 'required', next: '/sso' }));
    const r = await source.read(Date.now());
    expect(r.problems.map((p) => [p.kind, p.kpi])).toEqual([['bad-response', 'cache_hit'], ['bad-response', 'markup']]);
    expect(r.problems[0]!.message).toMatch(/: HTTP 200: the server answered JSON that is not a Prometheus API answer \(application\/json; another API at this URL\?\)$/);
  });

  it('an HTML 502 from a proxy says its status', async () => {
    const source = await sourceAgainst(html(502), false);
    const r = await source.read(Date.now());
    expect(r.problems.map((p) => p.kind)).toEqual(['bad-response', 'bad-response']);
    expect(r.problems[0]!.message).toMatch(/^cache_hit: Prometheus [\d.:]+: HTTP 502: the server answered HTML \(text\/html\), not Prometheus API JSON/);
  });

  it('the request config prometheus-query keeps on its errors (Authorization included) is never shown', async () => {
    const source = await sourceAgainst(html(200));
    const r = await source.read(Date.now());
    expect(server!.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.stringify(r)).not.toMatch(/tok-sso|Bearer|authorization|<html/i);
  });
});
