/**
 * The load balancer failing under a live window, with a real HAProxy and its
 * runtime API: the socket gone when a trigger rolls back, and the weight
 * changed behind canary-tui's back. canary-tui never claims a weight it did
 * not read back.
 */
import { renameSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeCommand } from '../../src/adapters/haproxy-runtime.js';
import { useLivePrometheus } from '../live/use-live-prometheus.js';
import { healthyScenario, setLatency } from '../live/scenario.js';
import { startHaproxy, type HaproxyServer } from '../support/haproxy-server.js';
import { fullyJudged, readAudit, recordFault } from './fault-record.js';
import { startFaultWindow } from './fault-window.js';

const live = useLivePrometheus();
let hap: HaproxyServer;
beforeAll(async () => { hap = await startHaproxy(); }, 20_000);
afterAll(async () => { await hap?.stop(); });

const BOUND = 20_000;
const weightAt = (socket: string) => runtimeCommand({ path: socket }, 'get weight app/canary1', 2_000).then((r) => Number(r.split(' ')[0]));
const windowOn = () => startFaultWindow(live.prom.url, {
  adapter: { type: 'haproxy', socket: hap.socketPath, backend: 'app', canary: ['canary1'], stable: ['stable1'], timeout: '1s' },
  triggers: { latencyP95: { thresholdMs: 120, for: '2s', consecutiveChecks: 2 } },
});

describe('load balancer faults', { timeout: 90_000 }, () => {
  it('the HAProxy socket gone at rollback: never claimed, retried every check, confirmed at 0% once the socket is back', async () => {
    const w = windowOn();
    live.runs.push(w.run);
    await w.run.waitFor('the open to 5%', (l) => l.type === 'action' && l.action === 'open' && l.ok === true, 30_000);
    await w.run.waitFor('a judged check at 5%', (l) => fullyJudged(l) && l.weight === 5, BOUND);
    const away = `${hap.socketPath}.away`;
    renameSync(hap.socketPath, away);
    const gone = Date.now();
    try {
      setLatency(live.exporter, 'canary', 'checkout', 140);
      const failed = await w.run.waitForSince('a failed rollback', (l) => l.type === 'action' && l.action === 'rollback' && l.ok === false, gone, BOUND);
      await w.run.waitForSince('a retry', (l) => l.type === 'action' && l.action === 'rollback' && l.ok === false, failed.at + 1, BOUND);
      expect(await weightAt(away)).toBe(5);
      const retrying = w.run.lines.filter((l) => l.type === 'check' && Date.parse(l.at) > failed.at);
      expect(retrying.every((c) => c.windowStatus === 'rolling-back')).toBe(true);
      expect(w.run.lines.some((l) => l.type === 'action' && l.action === 'rollback' && l.ok === true)).toBe(false);
      var says = String(failed.line.detail); // eslint-disable-line no-var
    } finally {
      renameSync(away, hap.socketPath);
      healthyScenario(live.exporter);
    }
    const back = Date.now();
    const confirmed = await w.run.waitForSince('the rollback confirmed', (l) => l.type === 'action' && l.action === 'rollback' && l.ok === true, back, BOUND);
    expect(confirmed.line).toMatchObject({ toWeight: 0 });
    expect(await weightAt(hap.socketPath)).toBe(0);
    const audit = readAudit(w.auditDir);
    expect(audit.torn).toEqual([]);
    const rollbacks = audit.records.filter((r) => r.type === 'action' && r.action === 'rollback');
    expect(rollbacks.length).toBeGreaterThanOrEqual(3);
    expect(rollbacks.map((r) => r.ok)).toEqual([...rollbacks.slice(1).map(() => false), true]);
    recordFault({ id: 'haproxy-socket-gone', fault: 'HAProxy socket gone at rollback', says: `ROLLING BACK, retried every check: ${says.slice(0, 120)}`, noGreenOnMissing: 'n/a', auditIntact: true, recovered: true, recoveryMs: confirmed.at - back, measured: 'socket back → 0% read back' });
    w.run.stop();
    await w.run.exited;
  });

  it('the weight changed behind its back: held at what HAProxy reads, said and audited, never advanced from it', async () => {
    await runtimeCommand({ path: hap.socketPath }, 'set weight app/canary1 0', 2_000);
    await runtimeCommand({ path: hap.socketPath }, 'set weight app/stable1 100', 2_000);
    const w = windowOn();
    live.runs.push(w.run);
    await w.run.waitFor('a judged check at 5%', (l) => fullyJudged(l) && l.weight === 5 && l.windowStatus === 'running', 30_000);
    await runtimeCommand({ path: hap.socketPath }, 'set weight app/canary1 40', 2_000);
    await runtimeCommand({ path: hap.socketPath }, 'set weight app/stable1 60', 2_000);
    const changed = Date.now();
    const said = await w.run.waitForSince('the drift said', (l) => l.type === 'error' && /changed outside canary-tui/.test(l.message), changed, BOUND);
    expect(said.line.message).toBe('the load balancer reads 40% but the window set 5%: changed outside canary-tui; holding at 40% until the IC decides');
    const held = await w.run.waitForSince('a check at 40%', (l) => l.type === 'check', said.at, BOUND);
    expect(held.line).toMatchObject({ weight: 40, windowStatus: 'held' });
    const audit = readAudit(w.auditDir);
    expect(audit.torn).toEqual([]);
    expect(audit.records.filter((r) => r.type === 'weight-drift').map((r) => [r.fromWeight, r.toWeight])).toEqual([[5, 40]]);
    expect(w.run.lines.filter((l) => l.type === 'action' && l.action === 'advance')).toEqual([]);
    recordFault({ id: 'weight-behind-back', fault: "Weight changed behind canary-tui's back", says: said.line.message, noGreenOnMissing: 'n/a', auditIntact: true, recovered: 'n/a', recoveryMs: said.at - changed, measured: 'change → said, held and audited' });
    w.run.stop();
    await w.run.exited;
  });
});
