/**
 * Detection to rollback: from the first exported sample that makes the P95
 * trigger's condition true to HAProxy reporting canary weight 0. Real
 * Prometheus scraping every 1 s, checks every 1 s, a 3 s trigger window.
 * Target: at most window + scrape interval + check interval + 1 s (6 s).
 */
import { connect } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadlessRun, liveConfig } from '../test/live/live-helpers.js';
import { healthyScenario, setLatency } from '../test/live/scenario.js';
import { startExporter } from '../test/support/exporter.js';
import { startHaproxy } from '../test/support/haproxy-server.js';
import { startPrometheus, waitForQuery } from '../test/support/prometheus-server.js';

const WINDOW_S = 3;
const RUNS = Number(process.env.RUNS ?? 3);

function getWeight(socket: string, server: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const c = connect(socket, () => c.end(`get weight ${server}\n`));
    let out = '';
    c.on('data', (d) => (out += d));
    c.on('end', () => resolve(Number.parseInt(out, 10)));
    c.on('error', reject);
  });
}

const exporter = await startExporter();
healthyScenario(exporter);
const prom = await startPrometheus({ targets: [exporter.target], scrapeInterval: '1s' });
const haproxy = await startHaproxy();
const results: number[] = [];
try {
  await waitForQuery(prom.url, 'web_latency_ms', (r) => r.length > 0, 30_000);
  for (let i = 0; i < RUNS; i++) {
    setLatency(exporter, 'canary', 'checkout', 100);
    const dir = mkdtempSync(join(tmpdir(), 'canary-d2r-'));
    const config = liveConfig(prom.url, {
      release: { tag: `v20261126.${i + 1}` }, checkInterval: '1s', staleAfter: '3s', reportEvery: '1h', noDataHoldAfter: '1h',
      triggers: { latencyP95: { thresholdMs: 120, for: `${WINDOW_S}s`, consecutiveChecks: 2 } },
      adapter: { type: 'haproxy', socket: haproxy.socketPath, backend: haproxy.backend, canary: [haproxy.canaryServer], stable: [haproxy.stableServer] },
    });
    const run = new HeadlessRun(['--config', config, '--open', '--audit-dir', dir]);
    await run.waitFor('a GREEN check of the open window', (l) => l.type === 'check' && l.status === 'GREEN' && l.windowStatus === 'running', 30_000);
    const t0 = performance.now();
    setLatency(exporter, 'canary', 'checkout', 140);
    const canary = `${haproxy.backend}/${haproxy.canaryServer}`;
    while ((await getWeight(haproxy.socketPath, canary)) !== 0) {
      if (performance.now() - t0 > 30_000) throw new Error('no rollback within 30 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    results.push(performance.now() - t0);
    run.stop();
    await run.exited;
  }
} finally {
  await haproxy.stop();
  await prom.stop();
  await exporter.stop();
}
const budget = (WINDOW_S + 1 + 1 + 1) * 1000;
console.log(JSON.stringify({ runs: results.map((r) => Math.round(r)), medianMs: Math.round([...results].sort((a, b) => a - b)[Math.floor(results.length / 2)]!), budgetMs: budget }));
