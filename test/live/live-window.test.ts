/**
 * Live windows against a real Prometheus (Debian's), scraping a small
 * exporter every second. One server for the whole file: the first scraped
 * sample takes about six seconds. Tests run in order; the last one kills and
 * restarts Prometheus.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { parse } from 'yaml';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useLivePrometheus } from './use-live-prometheus.js';
import { HeadlessRun, liveConfig, type Line } from './live-helpers.js';
import { setLatency } from './scenario.js';

const live = useLivePrometheus();
const audit = () => mkdtempSync(join(tmpdir(), 'canary-live-audit-'));
const FAST = { checkInterval: '1s', staleAfter: '3s', reportEvery: '3s', noDataHoldAfter: '1h' };
const isCheck = (l: Line) => l.type === 'check';

describe('a live window on a real Prometheus', { timeout: 60_000 }, () => {
  it('shows real numbers on every panel, then rolls back on a checkout P95 regression at the expected check', async () => {
    const config = liveConfig(live.prom.url, { ...FAST, triggers: { latencyP95: { thresholdMs: 120, for: '3s', consecutiveChecks: 2 } } });
    const run = new HeadlessRun(['--config', config, '--open', '--audit-dir', audit(), '--operator', 'live-test']);
    live.runs.push(run);
    const healthy = await run.waitFor('a GREEN check', (l) => isCheck(l) && l.gates['p95:checkout'] === 'GREEN' && l.gates['payments:e2e'] === 'GREEN');
    expect(Object.values(healthy.gates).every((s) => s === 'GREEN')).toBe(true);
    const report = await run.waitFor('a report', (l) => l.type === 'report');
    expect(report.text).toContain('*Payments E2E* 99.85% (control 99.85%)');
    expect(report.text).toMatch(/\ncheckout +45\/45 +100\/100 +160\/160\n/);
    expect(report.text).toContain('AI markup 4.6x (control 4.6x)');
    expect(report.text).not.toContain('—');
    const from = run.lines.length;
    setLatency(live.exporter, 'canary', 'checkout', 140);
    const breach = await run.waitFor('the breach', (l) => l.type === 'trigger' && l.id === 'p95:checkout' && l.state === 'breaching', 10_000, from);
    const fired = await run.waitFor('the trigger firing', (l) => l.type === 'trigger' && l.state === 'fired', 15_000, from);
    const elapsed = Date.parse(fired.at) - Date.parse(breach.at);
    // It fires at the first check at least 3 s into the breach, so within one check interval after.
    expect(elapsed).toBeGreaterThanOrEqual(3000);
    expect(elapsed).toBeLessThan(3000 + 1000 + 500);
    expect(fired.reason).toMatch(/^P95 checkout 140 ms > 120 ms for \ds across \d checks$/);
    const rollback = await run.waitFor('the rollback', (l) => l.type === 'action' && l.action === 'rollback', 5_000, from);
    setLatency(live.exporter, 'canary', 'checkout', 100);
    expect(rollback).toMatchObject({ fromWeight: 5, toWeight: 0, ok: true, operator: 'canary-tui (auto)' });
    expect(await run.exited).toBe(3);
  });

  it('Prometheus killed mid-window: UNKNOWN, one error, no advance; restarted: it recovers and advances', async () => {
    const config = liveConfig(live.prom.url, { ...FAST, autoAdvance: true, phases: [
      { weight: 5, minDuration: '3s', p95GateMs: 130 }, { weight: 25, minDuration: '1h', p95GateMs: 130 },
    ] });
    const run = new HeadlessRun(['--config', config, '--open', '--audit-dir', audit()]);
    live.runs.push(run);
    // All GREEN and no trigger breaching: the previous test's regression must have left Prometheus's view.
    await run.waitFor('a GREEN check', (l) => isCheck(l) && l.status === 'GREEN');
    live.prom.kill();
    const killedAt = Date.now();
    const error = await run.waitFor('the connection error', (l) => l.type === 'error');
    expect(error.message).toMatch(/^Prometheus 127\.0\.0\.1:\d+: cannot connect \(ECONNREFUSED\)$/);
    // Issue 8, observation 15: the very next check has no GREEN gate, whatever staleAfter says.
    const next = await run.waitFor('the check after the error', (l) => isCheck(l) && run.lines.indexOf(l) > run.lines.indexOf(error));
    expect(Object.values(next.gates).filter((s) => s === 'GREEN')).toEqual([]);
    expect(next.status).not.toBe('GREEN');
    const unknown = await run.waitFor('UNKNOWN gates', (l) => isCheck(l) && l.gates['p95:all'] === 'UNKNOWN' && l.recommendation === 'HOLD', 10_000);
    expect(unknown.because).toContain('no usable data');
    // Stay down past the phase's minimum time: nothing may advance blind.
    await run.waitFor('the minimum time passing while down', (l) => isCheck(l) && Date.parse(l.at) - killedAt > 4000, 10_000);
    expect(run.lines.filter((l) => l.type === 'phase').map((l) => l.weight)).toEqual([5]); // --open, then nothing
    expect(run.lines.filter((l) => l.type === 'error')).toHaveLength(new Set(run.lines.filter((l) => l.type === 'error').map((l) => l.message)).size);
    await live.prom.restart();
    const restartedAt = Date.now();
    const advanced = await run.waitFor('the advance after recovery', (l) => l.type === 'phase' && l.weight === 25, 30_000);
    expect(Date.parse(advanced.at)).toBeGreaterThanOrEqual(restartedAt - 1000);
    run.stop();
    expect(await run.exited).toBe(4);
  });

  it('the bearer token reaches nothing it prints: stdout, stderr, the audit', async () => {
    const token = 'tok-live-7d1c0ffee4b2a9';
    const queries = { ...(parse(readFileSync(join(import.meta.dirname, '../../examples/prometheus.yaml'), 'utf8')) as any).source.queries, cache_hit: 'bad{{{' };
    const config = liveConfig(live.prom.url, { ...FAST, source: { bearerToken: { env: 'PROM_TOKEN' }, queries } });
    const dir = audit();
    const run = new HeadlessRun(['--config', config, '--open', '--audit-dir', dir], { PROM_TOKEN: token });
    live.runs.push(run);
    await run.waitFor('an error line for the bad query', (l) => l.type === 'error' && String(l.message).startsWith('cache_hit'));
    await run.waitFor('a report', (l) => l.type === 'report');
    run.stop();
    expect(await run.exited).toBe(4);
    const everything = JSON.stringify(run.lines) + run.stderr + (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile()).map((f) => readFileSync(join(dir, f), 'utf8')).join('');
    // The metric snapshot of every check is among them.
    expect((readdirSync(dir, { recursive: true }) as string[]).some((f) => f.endsWith('checks.jsonl'))).toBe(true);
    expect(everything).toContain('cache_hit');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(Buffer.from(token).toString('base64'));
  });
});
