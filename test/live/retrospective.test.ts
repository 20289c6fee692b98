/**
 * A retrospective rehearsal against a real Prometheus: an hour recorded two
 * hours ago (backfilled with promtool; canary checkout P95 at 140 ms from
 * minute 20) replayed with `rehearse --config FILE --from T --to T`. Each
 * check asks Prometheus at its virtual time, the trigger fires after its
 * ten minutes, the dry-run adapter rolls back, and the mode is RETROSPECTIVE
 * in the output, the report and the audit; the load balancer is untouched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfill } from '../support/backfill.js';
import { startPrometheus, type PrometheusServer } from '../support/prometheus-server.js';
import { HeadlessRun, liveConfig } from './live-helpers.js';
import { iso, MINUTES, recordedHour, T0 } from './recorded-hour.js';

let prom: PrometheusServer;

beforeAll(async () => {
  prom = await startPrometheus({ dataDir: await backfill(recordedHour()) });
}, 60_000);
afterAll(async () => prom?.stop());


describe('rehearse --config --from: a past window from Prometheus history', { timeout: 60_000 }, () => {
  it('replays the recorded hour at virtual time and rolls back on the trigger, RETROSPECTIVE everywhere', async () => {
    const audit = mkdtempSync(join(tmpdir(), 'canary-retro-'));
    const config = liveConfig(prom.url, { checkInterval: '1m', staleAfter: '3m', reportEvery: '15m', noDataHoldAfter: '5m' });
    const run = new HeadlessRun(['rehearse', '--headless', '--config', config, '--from', iso(T0), '--to', iso(T0 + MINUTES * 60), '--audit-dir', audit, '--operator', 'ic-drill']);
    expect(await run.exited, run.stderr).toBe(3); // rolled back
    const checks = run.lines.filter((l) => l.type === 'check');
    expect(checks[0]).toMatchObject({ at: iso(T0), weight: 5, windowStatus: 'running', status: 'GREEN' });
    const fired = run.lines.find((l) => l.type === 'trigger' && l.state === 'fired');
    expect(fired).toMatchObject({ id: 'p95:checkout' });
    // Breaching from minute 20, fired once its ten minutes were served (the default trigger).
    const firedMinute = (Date.parse(fired!.at) / 1000 - T0) / 60;
    expect(firedMinute).toBeGreaterThanOrEqual(30);
    expect(firedMinute).toBeLessThanOrEqual(31);
    const rollback = run.lines.find((l) => l.type === 'action' && l.action === 'rollback');
    expect(rollback).toMatchObject({ ok: true, toWeight: 0, operator: 'canary-tui (auto)' });
    const report = run.lines.find((l) => l.type === 'report');
    expect(report!.text.split('\n')[0]).toContain('_RETROSPECTIVE_');
    const file = readdirSync(audit).find((f) => f.endsWith('.jsonl'))!;
    expect(file).toMatch(/-retrospective-\d{8}T\d{6}\.jsonl$/);
    const records = readFileSync(join(audit, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records[0]).toMatchObject({ type: 'start', mode: 'RETROSPECTIVE', open: 'at-start', adapter: expect.stringMatching(/^dry-run/) });
  });

  it('refuses a rehearsal of a Prometheus config without --from, and --from without one, naming what to give', async () => {
    const config = liveConfig(prom.url, {});
    const bare = new HeadlessRun(['rehearse', '--headless', '--config', config]);
    expect(await bare.exited).toBe(2);
    expect(bare.stderr).toMatch(/source: expected a fixture to rehearse, or --from TIME to replay this Prometheus source's history \(RETROSPECTIVE\)/);
    const stray = new HeadlessRun(['rehearse', '--headless', '--from', '-1h']);
    expect(await stray.exited).toBe(2);
    expect(stray.stderr).toMatch(/--from: \(top level\): expected --from and --to only with `rehearse --config FILE` whose source is Prometheus/);
    const bad = new HeadlessRun(['rehearse', '--headless', '--config', config, '--from', 'yesterday']);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr).toMatch(/--from: \(top level\): expected an RFC 3339 time such as 2026-11-26T18:00:00Z, or a relative one such as -6h, -90m or now; got "yesterday"/);
  });
});
