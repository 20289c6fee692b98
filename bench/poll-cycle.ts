/**
 * One poll cycle against a real Prometheus: 10 journeys, every KPI of
 * examples/prometheus.yaml, both tracks. Counts the HTTP requests the cycle
 * makes (Prometheus's own request counter) and compares the cycle time with
 * the slowest single query issued by curl in the same run.
 * Targets: at most one request per KPI; a cycle at most 1.5x the slowest query.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Redactor } from '../src/config/secrets.js';
import { createPrometheusDriver } from '../src/sources/prometheus/prometheus-client.js';
import { prometheusSourceSchema } from '../src/sources/prometheus/prometheus-config.js';
import { PrometheusSource } from '../src/sources/prometheus/prometheus-source.js';
import { expandQuery } from '../src/sources/prometheus/promql-template.js';
import { freshnessQueries } from '../src/sources/prometheus/freshness.js';
import { healthyScenario } from '../test/live/scenario.js';
import { startExporter } from '../test/support/exporter.js';
import { startPrometheus, waitForQuery } from '../test/support/prometheus-server.js';

const ROUNDS = Number(process.env.ROUNDS ?? 11);
const journeys = Array.from({ length: 10 }, (_, i) => `journey-${i + 1}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const exporter = await startExporter();
healthyScenario(exporter, journeys);
const prom = await startPrometheus({ targets: [exporter.target], scrapeInterval: '1s' });
try {
  await waitForQuery(prom.url, 'web_latency_ms', (r) => r.length > 0, 30_000);
  const example = parse(readFileSync(join(import.meta.dirname, '../examples/prometheus.yaml'), 'utf8')) as { source: Record<string, unknown> };
  const cfg = prometheusSourceSchema.parse({ ...example.source, url: prom.url });
  const redactor = new Redactor();
  const source = new PrometheusSource(cfg, createPrometheusDriver(cfg, { configFile: 'bench', env: {}, redactor }), redactor);
  // Prometheus's live counter of query requests, read from its own /metrics (not a query, so it costs none).
  const served = async () => {
    const text = await (await fetch(`${prom.url}/metrics`)).text();
    return [...text.matchAll(/^prometheus_http_requests_total\{[^}]*handler="\/api\/v1\/query"[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
  };
  const before = await served();
  const first = await source.read(Date.now());
  const requests = (await served()) - before;

  const cycles: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await source.read(Date.now());
    cycles.push(performance.now() - t);
  }
  const slowest: number[] = [];
  for (const template of Object.values(cfg.queries)) {
    const expanded = expandQuery(template!, cfg.labels);
    if (!('query' in expanded)) continue;
    const times = [0, 1, 2].map(() => {
      const out = execFileSync('curl', ['-s', '-o', '/dev/null', '-w', '%{time_total}', '--get', `${prom.url}/api/v1/query`,
        '--data-urlencode', `query=${expanded.query}`, '--data-urlencode', `time=${Date.now() / 1000}`], { encoding: 'utf8' });
      return Number(out) * 1000;
    });
    slowest.push(median(times));
  }
  // The same combined query the source sends (every value and its selectors' sample times), through curl: Prometheus's own share of the cycle.
  const combined = Object.entries(cfg.queries).flatMap(([kpi, t]) => {
    const e = expandQuery(t!, cfg.labels);
    if (!('query' in e)) return [];
    const fresh = freshnessQueries(e.query, cfg.labels).map((q, i) => `label_replace((${q}), "canary_tui_kpi", "${kpi}~${i}", "", "")`);
    return [`label_replace((${e.query}), "canary_tui_kpi", "${kpi}", "", "")`, ...fresh];
  }).join(' or ');
  const combinedCurl = median([0, 1, 2, 3, 4].map(() => Number(execFileSync('curl', ['-s', '-o', '/dev/null', '-w', '%{time_total}', '--get', `${prom.url}/api/v1/query`,
    '--data-urlencode', `query=${combined}`, '--data-urlencode', `time=${Date.now() / 1000}`], { encoding: 'utf8' })) * 1000));
  const cycle = median(cycles);
  const worst = Math.max(...slowest);
  console.log(JSON.stringify({
    journeys: journeys.length, kpis: Object.keys(cfg.queries).length, samples: first.samples.length, problems: first.problems.length,
    requestsPerCycle: requests, cycleMedianMs: Number(cycle.toFixed(1)), slowestSingleQueryCurlMs: Number(worst.toFixed(1)), combinedQueryCurlMs: Number(combinedCurl.toFixed(1)),
    ratio: Number((cycle / worst).toFixed(2)),
  }));
} finally {
  await prom.stop();
  await exporter.stop();
}
