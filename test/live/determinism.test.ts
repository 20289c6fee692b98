/**
 * One window, four ways, one decision timeline. A live window on a real
 * Prometheus records itself (`--record`) while the canary's checkout P95
 * goes to 140 ms; then the same minutes are replayed from that recording,
 * from a `canary-tui record` of Prometheus's history, and retrospectively
 * straight from Prometheus (`rehearse --config --from`). Every timeline
 * (which check opened, breached, fired, rolled back) is the live one.
 *
 * The regression starts half-way between two checks and Prometheus scrapes
 * every 200 ms, so each check sees the same samples whether it is made live
 * or replayed at the same instant; checks keep to a grid (check-schedule.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExporter, type Exporter } from '../support/exporter.js';
import { startPrometheus, waitForQuery, type PrometheusServer } from '../support/prometheus-server.js';
import { CLI, HeadlessRun, liveConfig, type Line } from './live-helpers.js';
import { healthyScenario, setLatency } from './scenario.js';

let exporter: Exporter;
let prom: PrometheusServer;
const runs: HeadlessRun[] = [];
beforeAll(async () => {
  exporter = await startExporter();
  healthyScenario(exporter);
  prom = await startPrometheus({ targets: [exporter.target], scrapeInterval: '200ms' });
  await waitForQuery(prom.url, 'web_latency_ms', (r) => r.length > 0, 30_000);
}, 60_000);
afterAll(async () => {
  for (const r of runs) r.stop();
  await prom?.stop();
  await exporter?.stop();
});

const CHECK_MS = 1000;
/** The regression begins this many checks after the first, half an interval before the next check. */
const REGRESSION_AFTER = 6.5;

/** What was decided at which check (counted from the first), without the words that name the mode. */
function timeline(lines: Line[], firstCheckAt: number): string[] {
  return lines.flatMap((l) => {
    const check = Math.round((Date.parse(l.at) - firstCheckAt) / CHECK_MS);
    if (l.type === 'action') return [`${check} ${l.action} ${l.fromWeight}→${l.toWeight} ${l.ok ? 'ok' : 'failed'}`];
    if (l.type === 'trigger') return [`${check} trigger ${l.id} ${l.state}${l.reason ? `: ${l.reason}` : ''}`];
    if (l.type === 'phase') return [`${check} phase ${l.phase} ${l.windowStatus}`];
    return [];
  });
}

const headless = (args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args, '--headless'], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr, lines: r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line) };
};

describe('determinism: live, its recording, a record of Prometheus and a retrospective agree', { timeout: 90_000 }, () => {
  it('gives the same decision timeline all four ways', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-determinism-'));
    const config = liveConfig(prom.url, {
      checkInterval: '1s', staleAfter: '3s', reportEvery: '1h', noDataHoldAfter: '1h',
      triggers: { latencyP95: { thresholdMs: 120, for: '3s', consecutiveChecks: 3 } },
    });
    const recording = join(dir, 'window.jsonl');
    const live = new HeadlessRun(['--config', config, '--open', '--record', recording, '--audit-dir', join(dir, 'live'), '--operator', 'ic']);
    runs.push(live);
    const first = await live.waitFor('the first check', (l) => l.type === 'check');
    const t0 = Date.parse(first.at);
    const regression = setTimeout(() => setLatency(exporter, 'canary', 'checkout', 140), t0 + REGRESSION_AFTER * CHECK_MS - Date.now());
    try {
      await live.waitFor('the rollback', (l) => l.type === 'action' && l.action === 'rollback', 30_000);
      expect(await live.exited).toBe(3);
    } finally {
      clearTimeout(regression);
      setLatency(exporter, 'canary', 'checkout', 100);
    }
    const liveTimeline = timeline(live.lines, t0);
    expect(liveTimeline).toEqual([
      '0 open 0→5 ok',
      '0 phase 1 running',
      '7 trigger p95:checkout breaching: P95 checkout 140 ms breaches 120 ms; fires after 3s and 3 check(s)',
      '10 trigger p95:checkout fired: P95 checkout 140 ms > 120 ms for 3s across 4 checks',
      '10 rollback 5→0 ok',
      '10 phase 1 rolled-back',
    ]);

    const reads = readFileSync(recording, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.type === 'read');
    const last = reads.at(-1).at as number;
    const replayed = headless(['rehearse', recording, '--audit-dir', join(dir, 'replay')]);
    expect(replayed.status, replayed.stderr).toBe(3);

    const fixture = join(dir, 'history.json');
    const recorded = spawnSync(process.execPath, [CLI, 'record', '--config', config, '--from', first.at, '--to', new Date(last).toISOString(), '--step', '1', '--out', fixture], { encoding: 'utf8' });
    expect(recorded.status, recorded.stderr).toBe(0);
    const fromHistory = headless(['rehearse', fixture, '--audit-dir', join(dir, 'history')]);
    expect(fromHistory.status, `${fromHistory.stderr}${JSON.stringify(timeline(fromHistory.lines, t0))}`).toBe(3);

    const retrospective = headless(['rehearse', '--config', config, '--from', first.at, '--to', new Date(last).toISOString(), '--audit-dir', join(dir, 'retro')]);
    expect(retrospective.status, retrospective.stderr).toBe(3);

    expect({ recording: timeline(replayed.lines, t0), record: timeline(fromHistory.lines, t0), retrospective: timeline(retrospective.lines, t0) })
      .toEqual({ recording: liveTimeline, record: liveTimeline, retrospective: liveTimeline });
  });
});
