/**
 * One real Prometheus per test file, scraping the exporter every second with
 * the healthy scenario loaded; torn down after the file, with any headless
 * runs the tests started. The first scraped sample takes about six seconds.
 */
import { afterAll, beforeAll } from 'vitest';
import { startExporter, type Exporter } from '../support/exporter.js';
import { startPrometheus, waitForQuery, type PrometheusServer } from '../support/prometheus-server.js';
import type { HeadlessRun } from './live-helpers.js';
import { healthyScenario } from './scenario.js';

export interface LivePrometheus {
  exporter: Exporter;
  prom: PrometheusServer;
  runs: HeadlessRun[];
}

export function useLivePrometheus(): LivePrometheus {
  const live = { runs: [] as HeadlessRun[] } as unknown as LivePrometheus;
  beforeAll(async () => {
    live.exporter = await startExporter();
    healthyScenario(live.exporter);
    live.prom = await startPrometheus({ targets: [live.exporter.target], scrapeInterval: '1s' });
    await waitForQuery(live.prom.url, 'web_latency_ms', (r) => r.length > 0, 30_000);
  }, 60_000);
  afterAll(async () => {
    for (const r of live.runs) r.stop();
    await live.prom?.stop();
    await live.exporter?.stop();
  });
  return live;
}
