/**
 * `canary-tui serve FIXTURE --port N [--speed N]`: a drill's numbers as a
 * Prometheus exporter on 127.0.0.1, so a newcomer sees a live window without
 * a real canary: Debian's `prometheus` scrapes it (examples/demo-prometheus.yml)
 * and `canary-tui --config examples/demo-live.yaml` watches it. Time runs
 * from the fixture's T-0 (`window.start`; else its start: the demo's live
 * window plans no release, so the hours before T-0 would only be waited out)
 * at `speed` virtual seconds per real second and stops at its end (the last
 * values stay). A gap in the fixture is a series
 * missing from the page, which Prometheus marks stale: no data, as recorded.
 */
import { createServer } from 'node:http';
import { loadDrill } from '../fixture/drill-file.js';
import { FixtureSource } from '../sources/fixture-source.js';
import { resolveDrill } from '../run/drill-library.js';
import { metricsPage } from './metrics-page.js';

export interface ServeOptions {
  fixture: string;
  port: number;
  speed?: number;
}

export async function runServe(opts: ServeOptions, write: (line: string) => void, signal: AbortSignal): Promise<number> {
  const { fixture } = await loadDrill(resolveDrill(opts.fixture));
  const source = new FixtureSource(fixture);
  const speed = opts.speed ?? 1;
  const t0 = (fixture.config as { window?: { start?: unknown } }).window?.start;
  const start = typeof t0 === 'string' ? Date.parse(t0) : Date.parse(fixture.start);
  const end = Date.parse(fixture.end);
  const startedAt = Date.now();
  const virtualNow = () => Math.min(end, start + (Date.now() - startedAt) * speed);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || !req.url?.startsWith('/metrics')) return res.writeHead(404, { 'content-type': 'text/plain' }).end('only /metrics\n');
    void source.read(virtualNow()).then((r) => {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metricsPage(r.samples, virtualNow()));
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(opts.port, '127.0.0.1', () => resolve()));
  write(`serving ${fixture.name} on http://127.0.0.1:${opts.port}/metrics at ×${speed}, from ${new Date(start).toISOString()} to ${fixture.end}; Ctrl-C stops\n`);
  await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
  await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
  return 0;
}
