/**
 * The process and its folder failing under a live window (real Prometheus):
 * the audit folder turning read-only, SIGKILL mid-phase and a restart,
 * SIGTERM, and two drivers started at once.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeadlessRun } from '../live/live-helpers.js';
import { useLivePrometheus } from '../live/use-live-prometheus.js';
import { healthyScenario, setLatency } from '../live/scenario.js';
import { fullyJudged, readAudit, recordFault } from './fault-record.js';
import { faultConfig, startFaultWindow } from './fault-window.js';
import { runnerForReadOnly, shareConfig } from './read-only.js';

const live = useLivePrometheus();
const BOUND = 20_000;

describe('process faults', { timeout: 90_000 }, () => {
  it('the audit folder read-only mid-window: said, advancing refused, nothing lost once it is writable again', async () => {
    const runner = runnerForReadOnly();
    const config = faultConfig(live.prom.url, { autoAdvance: true, triggers: { latencyP95: { thresholdMs: 120, for: '1h', consecutiveChecks: 1 } }, phases: [{ weight: 5, minDuration: '4s', p95GateMs: 130 }, { weight: 25, minDuration: '1h', p95GateMs: 130 }] });
    shareConfig(config);
    const auditDir = mkdtempSync(join(tmpdir(), 'canary-fault-ro-'));
    runner.own(auditDir);
    const run = new HeadlessRun(['--config', config, '--open', '--audit-dir', auditDir, '--operator', 'ic-fault'], {}, runner.as);
    live.runs.push(run);
    await run.waitFor('the open', (l) => l.type === 'action' && l.action === 'open' && l.ok === true, 30_000);
    runner.readOnly(auditDir);
    const locked = Date.now();
    const said = await run.waitForSince('the audit failure said', (l) => l.type === 'error' && /audit/.test(l.message), locked, BOUND);
    // A breach while nothing can be written: its trigger records are kept, not lost.
    setLatency(live.exporter, 'canary', 'checkout', 140);
    await run.waitForSince('the breach', (l) => l.type === 'trigger' && l.state === 'breaching', locked, BOUND);
    healthyScenario(live.exporter);
    await run.waitForSince('the breach over', (l) => l.type === 'trigger' && l.state === 'armed', locked, BOUND);
    // The phase's minimum time passes while the audit cannot be written: no advance.
    const later = await run.waitForSince('a check past the minimum time', (l) => l.type === 'check' && l.because !== undefined, locked + 6_000, BOUND);
    expect(later.line).toMatchObject({ weight: 5 });
    expect(run.lines.filter((l) => l.type === 'action' && l.action === 'advance')).toEqual([]);
    expect(run.child.exitCode).toBeNull();
    runner.writable(auditDir);
    const healed = Date.now();
    const advanced = await run.waitForSince('the advance once audited', (l) => l.type === 'action' && l.action === 'advance' && l.ok === true, healed, BOUND);
    const audit = readAudit(auditDir);
    expect(audit.torn).toEqual([]);
    // Every record, those of the read-only time included, in order.
    const times = audit.records.map((r) => Date.parse(r.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(audit.records.filter((r) => r.type === 'action').map((r) => r.action)).toEqual(['open', 'advance']);
    const during = audit.records.filter((r) => r.type === 'trigger' && Date.parse(r.at) > locked && Date.parse(r.at) < healed);
    expect(during.map((r) => r.state)).toEqual(['breaching', 'armed']);

    recordFault({ id: 'audit-read-only', fault: 'Audit folder read-only mid-window', says: said.line.message.slice(0, 160), noGreenOnMissing: 'n/a', auditIntact: true, recovered: true, recoveryMs: advanced.at - healed, measured: 'writable again → kept records written, advance allowed' });
    run.stop();
    await run.exited;
  });

  it('SIGKILL mid-phase, then the same command: resumed in the same phase, nothing torn', async () => {
    const w = startFaultWindow(live.prom.url);
    live.runs.push(w.run);
    const before = await w.run.waitFor('a judged check at 5%', (l) => fullyJudged(l) && l.weight === 5, 30_000);
    w.run.child.kill('SIGKILL');
    await w.run.exited;
    const restarted = Date.now();
    const again = new HeadlessRun(w.args);
    live.runs.push(again);
    const resumed = await again.waitForSince('a check after the restart', (l) => l.type === 'check', restarted, BOUND);
    // The dry-run adapter of a new process reads 0%: held at what it reads, the phase and its start kept.
    expect(resumed.line).toMatchObject({ phase: 1, phaseStartedAt: before.phaseStartedAt, windowStatus: 'held', weight: 0 });
    const said = again.lines.find((l) => l.type === 'error' && String(l.message).startsWith('resumed phase 1'))?.message;
    expect(said).toBe('resumed phase 1: saved weight 5% but the load balancer says 0% (weight 0%)');
    const audit = readAudit(w.auditDir);
    expect(audit.torn).toEqual([]);
    expect(audit.records.filter((r) => r.type === 'start').length).toBe(2);
    expect(audit.records.find((r) => r.action === 'take-over')?.reason).toMatch(/^lock of a dead process/);
    recordFault({ id: 'sigkill-restart', fault: 'SIGKILL mid-phase, restarted', says: said!, noGreenOnMissing: 'n/a', auditIntact: true, recovered: true, recoveryMs: resumed.at - restarted, measured: 'restart → first check, same phase' });
    again.stop();
    await again.exited;
  });

  it('SIGTERM: a stop record naming the weight left, the state saved, exit 4', async () => {
    const w = startFaultWindow(live.prom.url);
    live.runs.push(w.run);
    await w.run.waitFor('a judged check at 5%', (l) => fullyJudged(l) && l.weight === 5, 30_000);
    const sent = Date.now();
    w.run.child.kill('SIGTERM');
    expect(await w.run.exited).toBe(4);
    const took = Date.now() - sent;
    const stop = w.run.lines.find((l) => l.type === 'stop');
    expect(stop).toMatchObject({ weight: 5, windowStatus: 'running' });
    const audit = readAudit(w.auditDir);
    expect(audit.torn).toEqual([]);
    expect(audit.records.at(-1)).toMatchObject({ type: 'stop', weight: 5, windowStatus: 'running' });
    const saved = JSON.parse(readFileSync(join(w.auditDir, 'v20261126.1-live.state.json'), 'utf8')) as { state: { weight: number; status: string } };
    expect(saved.state).toMatchObject({ weight: 5, status: 'running' });
    recordFault({ id: 'sigterm', fault: 'SIGTERM', says: `stop record: ${stop!.reason} at ${stop!.weight}%, exit 4`, noGreenOnMissing: 'n/a', auditIntact: true, recovered: 'n/a', recoveryMs: took, measured: 'signal → exited, flushed' });
  });

  it('two drivers started at once: exactly one drives, the other says it only watches', async () => {
    const config = faultConfig(live.prom.url);
    const auditDir = mkdtempSync(join(tmpdir(), 'canary-fault-two-'));
    const args = (who: string) => ['--config', config, '--open', '--audit-dir', auditDir, '--operator', who];
    const runs = [new HeadlessRun(args('ic-a')), new HeadlessRun(args('ic-b'))];
    live.runs.push(...runs);
    await Promise.any(runs.map((r) => r.waitFor('the open', (l) => l.type === 'action' && l.action === 'open', 30_000)));
    for (const r of runs) await r.waitFor('a check', (l) => l.type === 'check', 30_000);
    const drivers = runs.filter((r) => r.lines.some((l) => l.type === 'action' && l.action === 'open'));
    const viewers = runs.filter((r) => !drivers.includes(r));
    expect(drivers).toHaveLength(1);
    const watching = viewers[0]!.lines.find((l) => l.type === 'read-only')?.message;
    expect(watching).toMatch(/^read-only viewer: ic-[ab] drives this window \(pid \d+ on .+ since .+\); --take-over to drive$/);
    expect(viewers[0]!.lines.some((l) => l.type === 'action')).toBe(false);
    const audit = readAudit(auditDir);
    expect(audit.torn).toEqual([]);
    expect(audit.records.filter((r) => r.type === 'start').length).toBe(1);
    recordFault({ id: 'two-drivers', fault: 'Two drivers at once', says: String(watching).slice(0, 160), noGreenOnMissing: 'n/a', auditIntact: true, recovered: 'n/a', recoveryMs: null });
    for (const r of runs) r.stop();
    await Promise.all(runs.map((r) => r.exited));
  });
});
