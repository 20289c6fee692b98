/**
 * `canary-tui record` against a real Prometheus holding a recorded hour
 * (backfilled with promtool): the fixture holds every series at the asked
 * step, the regression where it was, no secret and no server; a long window
 * at a fine step is cut into requests under 11,000 points a series, not
 * coarsened; and `rehearse FIXTURE` replays it to the same decision as the
 * retrospective rehearsal (rollback on the checkout trigger at minute 30).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { backfill } from '../support/backfill.js';
import { startPrometheus, type PrometheusServer } from '../support/prometheus-server.js';
import { CLI, liveConfig } from './live-helpers.js';
import { iso, MINUTES, recordedHour, REGRESSION_MINUTE, T0 } from './recorded-hour.js';

let prom: PrometheusServer;
beforeAll(async () => {
  prom = await startPrometheus({ dataDir: await backfill(recordedHour()) });
}, 60_000);
afterAll(async () => prom?.stop());

const TOKEN = 'record-secret-7f3a9c1e5b';
const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, RECORD_TOKEN: TOKEN } });
const samplesOf = (f: { series: Array<{ kpi: string; track: string; journey: string; samples: [number, number | null][] }> }, kpi: string, track: string, journey: string) =>
  f.series.find((s) => s.kpi === kpi && s.track === track && s.journey === journey)!.samples;

describe('canary-tui record', { timeout: 90_000 }, () => {
  it('writes the hour as a fixture at the asked step, with no secret, that rehearses to the same rollback', () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-record-'));
    const config = liveConfig(prom.url, { checkInterval: '1m', staleAfter: '3m', reportEvery: '15m', source: { bearerToken: { env: 'RECORD_TOKEN' } } });
    const out = join(dir, 'last-tuesday.json');
    const r = cli(['record', '--config', config, '--from', iso(T0), '--to', iso(T0 + MINUTES * 60), '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/last-tuesday\.json: \d+ series, \d+ points, .* every 60s, in 1 range request\(s\) from Prometheus 127\.0\.0\.1:\d+\n$/);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(TOKEN);
    const f = JSON.parse(text);
    // The description says where it came from (the host, as the header shows it); the config carries no server.
    expect(f.description).toMatch(/^recorded from Prometheus 127\.0\.0\.1:\d+, /);
    expect(JSON.stringify(f.config)).not.toContain('127.0.0.1');
    expect(f).toMatchObject({ version: 1, name: 'last-tuesday', start: iso(T0), end: iso(T0 + MINUTES * 60), stepSeconds: 60 });
    expect(f.config.source).toBeUndefined();
    const checkout = samplesOf(f, 'latency_p95', 'canary', 'checkout');
    expect(checkout).toHaveLength(MINUTES + 1);
    expect(checkout[REGRESSION_MINUTE - 1]).toEqual([T0 + (REGRESSION_MINUTE - 1) * 60, 100]);
    expect(checkout[REGRESSION_MINUTE]).toEqual([T0 + REGRESSION_MINUTE * 60, 140]);

    const replay = cli(['rehearse', out, '--headless', '--audit-dir', join(dir, 'audit')]);
    expect(replay.status, replay.stderr).toBe(3);
    const lines = replay.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    const fired = lines.find((l) => l.type === 'trigger' && l.state === 'fired')!;
    expect(fired.id).toBe('p95:checkout');
    expect((Date.parse(fired.at) / 1000 - T0) / 60).toBeGreaterThanOrEqual(30);
    expect((Date.parse(fired.at) / 1000 - T0) / 60).toBeLessThanOrEqual(31);
  });

  it('cuts a fine step into requests under 11,000 points a series instead of coarsening it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-record-'));
    const config = join(dir, 'p95-only.yaml');
    writeFileSync(config, stringify({ source: { type: 'prometheus', url: prom.url, queries: { latency_p95: 'max by ({{track}}, {{journey}}) (web_latency_ms{quantile="0.95", {{tracks}}})' } } }));
    const out = join(dir, 'fine.json');
    const r = cli(['record', '--config', config, '--from', iso(T0), '--to', iso(T0 + 3 * 3600), '--step', '1', '--out', out]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    // 3 h at 1 s is 10,801 points: two requests of at most 10,000.
    expect(r.stdout).toMatch(/ every 1s, in 2 range request\(s\)/);
    const f = JSON.parse(readFileSync(out, 'utf8'));
    const checkout = samplesOf(f, 'latency_p95', 'canary', 'checkout');
    // Prometheus answers for as long as its 5-minute lookback sees the hour's last sample.
    expect(checkout[0]).toEqual([T0, 100]);
    expect(checkout.filter(([t]) => t <= T0 + MINUTES * 60)).toHaveLength(MINUTES * 60 + 1);
    const times = checkout.map(([t]) => t);
    expect(times.every((t, i) => i === 0 || t === times[i - 1]! + 1)).toBe(true);
  });

  it('refuses, before asking anything, a fixture source, a missing --from, and an existing --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-record-'));
    const out = join(dir, 'taken.json');
    writeFileSync(out, '{}');
    const config = liveConfig(prom.url, {});
    const taken = cli(['record', '--config', config, '--from', '-1h', '--out', out]);
    expect(taken.status).toBe(2);
    expect(taken.stderr).toContain('--out: (top level): expected a file that does not exist yet');
    expect(readFileSync(out, 'utf8')).toBe('{}');
    const noFrom = cli(['record', '--config', config, '--out', join(dir, 'x.json')]);
    expect(noFrom.status).toBe(2);
    const drill = join(dir, 'drill.yaml');
    writeFileSync(drill, stringify({ source: { type: 'fixture', path: 'x.json' } }));
    const fromFixture = cli(['record', '--config', drill, '--from', '-1h', '--out', join(dir, 'y.json')]);
    expect(fromFixture.status).toBe(2);
    expect(fromFixture.stderr).toContain(`${drill}: source: expected a Prometheus source to record from (type: prometheus)`);
  });
});
