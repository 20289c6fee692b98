/**
 * The live demo as README gives it: `canary-tui serve` serves a drill as
 * Prometheus metrics, Debian's prometheus scrapes it, and canary-tui watches
 * a live window on it with examples/demo-live.yaml (test-sized checks
 * layered on). The 5xx burst of drill-errors-5m reaches the live window and
 * its trigger rolls the canary back. The example scrape config passes
 * promtool.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { freePort } from '../support/haproxy-server.js';
import { startPrometheus, waitForQuery, type PrometheusServer } from '../support/prometheus-server.js';
import { CLI, HeadlessRun } from './live-helpers.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');
let prom: PrometheusServer | null = null;
const stops: Array<() => void> = [];
afterAll(async () => {
  for (const s of stops) s();
  await prom?.stop();
});

describe('the three-command live demo', { timeout: 90_000 }, () => {
  it('examples/demo-prometheus.yml is a valid Prometheus config', () => {
    expect(execFileSync('promtool', ['check', 'config', join(EXAMPLES, 'demo-prometheus.yml')], { encoding: 'utf8' })).toMatch(/SUCCESS/);
  });

  it('serves the bundled drill from its T-0: the demo window plans no release, so the hours before it are skipped', async () => {
    const port = await freePort();
    const serve = spawn(process.execPath, [CLI, 'serve', 'drill-checkout-p95', '--port', String(port), '--speed', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    stops.push(() => serve.kill('SIGTERM'));
    const said = await new Promise<string>((resolve) => serve.stdout.once('data', (d: Buffer) => resolve(d.toString('utf8'))));
    expect(said).toContain('at ×1, from 2026-11-20T04:00:00.000Z to 2026-11-20T07:10:00Z');
    // The window's numbers at T-0: the canary at its 5% share, not the 1% smoke traffic before the open.
    const page = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const canaryRequests = Number(/canary_tui_demo\{[^}]*kpi="requests"[^}]*track="canary"[^}]*\} (\S+)/.exec(page)?.[1]);
    expect(canaryRequests).toBeGreaterThan(900);
    serve.kill('SIGTERM');
    expect(await new Promise((resolve) => serve.on('exit', resolve))).toBe(0);
  });

  it('serve → prometheus → a live window that rolls back on the drill\'s 5xx burst', async () => {
    const port = await freePort();
    prom = await startPrometheus({ targets: [`127.0.0.1:${port}`], scrapeInterval: '1s' });
    // The scrape loop runs (the target is still down) before the drill's clock starts, so no minute is missed.
    await waitForQuery(prom.url, 'up', (r) => r.length > 0, 30_000);
    const serve = spawn(process.execPath, [CLI, 'serve', 'drill-errors-5m', '--port', String(port), '--speed', '120'], { stdio: ['ignore', 'pipe', 'pipe'] });
    stops.push(() => serve.kill('SIGTERM'));
    const said = await new Promise<string>((resolve) => serve.stdout.once('data', (d: Buffer) => resolve(d.toString('utf8'))));
    expect(said).toMatch(new RegExp(`^serving drill-errors-5m on http://127\\.0\\.0\\.1:${port}/metrics at ×120`));
    await waitForQuery(prom.url, 'canary_tui_demo{kpi="error_5xx_rate"}', (r) => r.length === 2, 20_000);

    const config = parse(readFileSync(join(EXAMPLES, 'demo-live.yaml'), 'utf8')) as Record<string, any>;
    config.source.url = prom.url;
    Object.assign(config, { checkInterval: '1s', staleAfter: '1m', triggers: { errorRate: { threshold: 0.005, for: '0s', consecutiveChecks: 1 } } });
    const file = join(mkdtempSync(join(tmpdir(), 'canary-demo-')), 'demo-live.yaml');
    writeFileSync(file, stringify(config));
    const run = new HeadlessRun(['--config', file, '--open', '--audit-dir', join(file, '..', 'audit'), '--operator', 'newcomer']);
    stops.push(() => run.stop());
    const opened = await run.waitFor('the open', (l) => l.type === 'action' && l.action === 'open', 20_000);
    expect(opened).toMatchObject({ ok: true, toWeight: 5 });
    const rollback = await run.waitFor('the rollback on the burst', (l) => l.type === 'action' && l.action === 'rollback' && l.ok === true, 40_000);
    expect(rollback.reason).toMatch(/^trigger errors:5xx fired/);
    expect(await run.exited).toBe(3);
    serve.kill('SIGTERM');
    expect(await new Promise((resolve) => serve.on('exit', resolve))).toBe(0);
  });
});
