/**
 * The T-1h gate in a live window on a real Prometheus: with T-0 passed and
 * `--open`, the window stays READY while pre-flight is NO-GO (six items wait
 * for their DRI); a signer of the wrong role is refused and nothing is
 * written; signatures given while the window runs show at its next check and
 * survive kill -9; after the restart every item is GREEN (the synthetic
 * monitor, the dashboards, the payment caps from PromQL, Prometheus, billing,
 * the roster and the six signatures) and the window opens by itself.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startBillingStub, type BillingStub } from '../faults/billing-stub.js';
import { useLivePrometheus } from './use-live-prometheus.js';
import { setLatency } from './scenario.js';
import { CLI, HeadlessRun, liveConfig, type Line } from './live-helpers.js';

const live = useLivePrometheus();
const EXAMPLE_QUERIES = (parse(readFileSync(join(import.meta.dirname, '../../examples/prometheus.yaml'), 'utf8')) as { source: { queries: Record<string, string> } }).source.queries;
let billing: BillingStub;
const servers: Server[] = [];
const serve = async (status: number): Promise<string> => {
  const s = createServer((_q, res) => { res.statusCode = status; res.end('ok'); });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/`;
};
beforeAll(async () => { billing = await startBillingStub(); });
afterAll(async () => { await billing?.stop(); for (const s of servers) { s.closeAllConnections(); s.close(); } });

const ROSTER = {
  incidentCommander: { name: 'Ana Ruiz', contact: '<@U01ANA>' }, releaseEng: { name: 'Bo Chen', contact: '<@U02BO>' },
  pmB2c: { name: 'Cy Diaz', contact: '<@U03CY>' }, pmB2b: { name: 'Di Egan', contact: '<@U04DI>' },
  securityCompliance: { name: 'Ed Fox', contact: '<@U05ED>' }, dataObservability: { name: 'Fay Gul', contact: '<@U06FAY>' },
  ceo: { name: 'Gil Hart', contact: '<@U07GIL>' },
};
const sign = (config: string, audit: string, item: string, as: string) => spawnSync(process.execPath, [CLI, 'sign', item, '--as', as, '--config', config, '--audit-dir', audit], { encoding: 'utf8' });
const statusOf = (l: Line, id: string) => (l.items as Array<{ id: string; status: string }>).find((i) => i.id === id)!.status;

/** A live config that plans the release, every probe set up against loopback servers and the exporter. */
async function plannedConfig(tag: string, overrides: Record<string, unknown>): Promise<string> {
  for (const [name, v] of [['payments_cap_tx', 100], ['payments_cap_max_tx_usd', 20], ['payments_cap_global_usd', 1500]] as const) live.exporter.set(name, {}, v);
  return liveConfig(live.prom.url, {
    checkInterval: '1s', staleAfter: '3s', reportEvery: '1h', noDataHoldAfter: '1h',
    release: { tag, commit: '4f9c2ab', service: 'web-app', region: 'us-west-2' },
    billing: { url: billing.url }, costReconcileTolerance: '5%',
    source: { queries: { ...EXAMPLE_QUERIES, cost_telemetry_per_user: 'max by ({{track}}) (cost_per_user_usd{ {{tracks}} })' } }, window: { start: new Date(Date.now() - 60_000).toISOString() }, roster: ROSTER,
    preflight: {
      monitorEvery: '1s', monitorTimeout: '2s',
      healthEndpoints: [{ name: 'web', url: await serve(200) }, { name: 'api', url: await serve(204) }],
      dashboards: [{ name: 'Control vs Canary', url: await serve(302) }],
      paymentCaps: { maxTransactions: 'payments_cap_tx', maxPerTxUsd: 'payments_cap_max_tx_usd', globalUsd: 'payments_cap_global_usd' },
    },
    ...overrides,
  });
}

describe('the pre-flight gate in a live window', { timeout: 90_000 }, () => {
  it('blocks opening until every item is GREEN; signatures survive kill -9; then it opens', async () => {
    const audit = mkdtempSync(join(tmpdir(), 'canary-preflight-'));
    const config = await plannedConfig('v20261202.1', {});
    const first = new HeadlessRun(['--config', config, '--open', '--audit-dir', audit, '--operator', 'Ana Ruiz']);
    live.runs.push(first);
    const probed = await first.waitFor('every probe GREEN', (l) => l.type === 'preflight' && ['synthetic-monitor', 'dashboards', 'payment-caps', 'prometheus', 'billing', 'roster'].every((id) => statusOf(l, id) === 'GREEN'), 20_000);
    expect(probed.go).toBe(false);
    expect(probed.blockers).toEqual(expect.arrayContaining(['Security sign-off UNKNOWN: waiting for Security/Compliance (Ed Fox) to sign']));
    expect(probed.items.filter((i: { status: string }) => i.status !== 'GREEN').map((i: { id: string }) => i.id)).toEqual(['infra-lock', 'security', 'db-changes', 'feature-flags', 'observability', 'seo']);

    const wrong = sign(config, audit, 'security', 'Bo Chen');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe('canary-tui: bad input: --as: (top level): the roster\'s Security/Compliance (Ed Fox) signs security, not "Bo Chen"\n');
    expect(readdirSync(audit).some((f) => f.endsWith('-signatures.jsonl'))).toBe(false);

    const from = first.lines.length;
    expect(sign(config, audit, 'security', 'ed fox').stdout).toMatch(/^signed security \(Security sign-off\) as Ed Fox, Security\/Compliance, at \d\d:\d\d UTC for window v20261202\.1-live\n$/);
    for (const item of ['infra-lock', 'db-changes']) expect(sign(config, audit, item, 'Bo Chen').status).toBe(0);
    const seen = await first.waitFor('the signatures at the next check', (l) => l.type === 'preflight' && statusOf(l, 'security') === 'GREEN' && statusOf(l, 'db-changes') === 'GREEN', 10_000, from);
    expect(seen.go).toBe(false);
    // Still NO-GO: nothing opened, the canary untouched.
    expect(first.lines.some((l) => l.type === 'action' && l.action === 'open')).toBe(false);
    first.child.kill('SIGKILL');
    await first.exited;

    for (const [item, as] of [['feature-flags', 'Bo Chen'], ['observability', 'Fay Gul'], ['seo', 'Cy Diaz']]) expect(sign(config, audit, item!, as!).status).toBe(0);
    const second = new HeadlessRun(['--config', config, '--open', '--audit-dir', audit, '--operator', 'Ana Ruiz']);
    live.runs.push(second);
    const go = await second.waitFor('pre-flight GO', (l) => l.type === 'preflight' && l.go === true, 20_000);
    expect(go.blockers).toEqual([]);
    // The T-1h post from the same config, beside the running window: one round of probes, the signatures file, no lock.
    // Not spawnSync: the health endpoints and the billing stub answer from this process's event loop.
    const t1h = await promisify(execFile)(process.execPath, [CLI, 'post', 't-1h', '--config', config, '--audit-dir', audit], { encoding: 'utf8' });
    expect(t1h.stderr).toBe('');
    expect(t1h.stdout).toMatch(/^\*T-1h pre-flight: GO\* · web-app v20261202\.1 \(`4f9c2ab`\)\n/);
    expect(t1h.stdout).toContain('✔ GREEN Payment caps: enforced 100 tx, $20/tx, $1,500 global');
    expect(t1h.stdout).toMatch(/✔ GREEN Security sign-off: signed by Ed Fox \(Security\/Compliance\) at \d\d:\d\d UTC/);
    expect(t1h.stdout).toContain('✔ GREEN Metrics: every gated KPI present for canary and control');
    const opened = await second.waitFor('the open', (l) => l.type === 'action' && l.action === 'open', 10_000);
    expect(opened).toMatchObject({ ok: true, toWeight: 5 });
    second.stop();
    await second.exited;

    const records = readFileSync(join(audit, 'v20261202.1-live.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records.filter((r) => r.type === 'signature').map((r) => `${r.item} ${r.operator}`)).toEqual([
      'security Ed Fox', 'infra-lock Bo Chen', 'db-changes Bo Chen', 'feature-flags Bo Chen', 'observability Fay Gul', 'seo Cy Diaz',
    ]);
    expect(records.filter((r) => r.type === 'lifecycle' && r.preflight).at(-1)).toMatchObject({ preflight: 'GO', blockers: [] });
    // The open moves the stage at once: RUNNING is the record right after the open, not a check later.
    const open = records.findIndex((r) => r.type === 'action' && r.action === 'open' && r.ok);
    expect(records[open + 1]).toMatchObject({ type: 'lifecycle', stage: 'RUNNING' });
  });

  it('the whole lifecycle live, on test-sized phases: GO, open, the phases, stable at 100%, GA, the checklist signed, the freeze, its end, exit 0', async () => {
    const audit = mkdtempSync(join(tmpdir(), 'canary-lifecycle-'));
    const config = await plannedConfig('v20261202.2', {
      autoAdvance: true, changeFreeze: '4s',
      phases: [
        { weight: 5, minDuration: '2s', p95GateMs: 130 }, { weight: 25, minDuration: '2s', p95GateMs: 130 },
        { weight: 50, minDuration: '2s', p95GateMs: 120 }, { weight: 100, minDuration: '3s', p95GateMs: 120 },
      ],
    });
    // Signing needs the window's folder: before the window started there is none to sign into.
    const early = sign(config, audit, 'security', 'Ed Fox');
    expect(early.status).toBe(2);
    expect(early.stderr).toMatch(/--audit-dir: \(top level\): expected the folder of the live window v20261202\.2-live, but .* holds no v20261202\.2-live\.jsonl \(start the window first, or give its --audit-dir\); nothing was signed\n$/);
    const run = new HeadlessRun(['--config', config, '--open', '--audit-dir', audit, '--operator', 'Ana Ruiz']);
    live.runs.push(run);
    await run.waitFor('pre-flight NO-GO', (l) => l.type === 'preflight' && l.go === false, 20_000);
    for (const [item, as] of [['infra-lock', 'Bo Chen'], ['security', 'Ed Fox'], ['db-changes', 'Bo Chen'], ['feature-flags', 'Bo Chen'], ['observability', 'Fay Gul'], ['seo', 'Cy Diaz']]) {
      expect(sign(config, audit, item!, as!).status).toBe(0);
    }
    await run.waitFor('POST-SUCCESS after GA', (l) => l.type === 'lifecycle' && l.stage === 'POST-SUCCESS', 40_000);
    for (const [item, as] of [['lift-caps', 'Bo Chen'], ['remove-infra-lock', 'Bo Chen'], ['win-note', 'Ana Ruiz'], ['cohort-review', 'Cy Diaz']]) {
      expect(sign(config, audit, item!, as!).status).toBe(0);
    }
    await run.waitFor('the end of the freeze', (l) => l.type === 'lifecycle' && l.stage === 'FREEZE OVER', 20_000);
    expect(await run.exited).toBe(0);
    const stages = run.lines.filter((l) => l.type === 'lifecycle' && !/restarted/.test(l.message)).map((l) => l.stage);
    expect(stages).toEqual(['READY', 'RUNNING', 'STABLE AT 100%', 'POST-SUCCESS', 'FREEZE', 'FREEZE OVER']);
    const records = readFileSync(join(audit, 'v20261202.2-live.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records.filter((r) => r.type === 'action' && r.ok).map((r) => `${r.action} ${r.toWeight}`)).toEqual(['open 5', 'advance 25', 'advance 50', 'advance 100', 'advance 100']);
    expect(records.filter((r) => r.type === 'lifecycle' && r.stage && !/restarted/.test(r.next)).map((r) => r.stage)).toEqual(stages);
  });

  it('a real regression at 100% restarts the stable timer, said and audited once; GA waits the full stable time from the recovery', async () => {
    const audit = mkdtempSync(join(tmpdir(), 'canary-stable-'));
    const config = await plannedConfig('v20261202.4', {
      autoAdvance: true, changeFreeze: '2s',
      phases: [
        { weight: 5, minDuration: '1s', p95GateMs: 130 }, { weight: 25, minDuration: '1s', p95GateMs: 130 },
        { weight: 50, minDuration: '1s', p95GateMs: 120 }, { weight: 100, minDuration: '6s', p95GateMs: 120 },
      ],
    });
    const run = new HeadlessRun(['--config', config, '--open', '--audit-dir', audit, '--operator', 'Ana Ruiz']);
    live.runs.push(run);
    await run.waitFor('pre-flight NO-GO', (l) => l.type === 'preflight' && l.go === false, 20_000);
    for (const [item, as] of [['infra-lock', 'Bo Chen'], ['security', 'Ed Fox'], ['db-changes', 'Bo Chen'], ['feature-flags', 'Bo Chen'], ['observability', 'Fay Gul'], ['seo', 'Cy Diaz']]) {
      expect(sign(config, audit, item!, as!).status).toBe(0);
    }
    try {
      await run.waitFor('stable at 100%', (l) => l.type === 'lifecycle' && l.stage === 'STABLE AT 100%', 40_000);
      // Canary checkout P95 125 ms: above the 120 ms gate at 100% (RED), far from the trigger's 10 minutes.
      setLatency(live.exporter, 'canary', 'checkout', 125);
      const restart = await run.waitFor('the restart', (l) => l.type === 'lifecycle' && /^stable timer restarted: /.test(l.message), 15_000);
      expect(restart.message).toMatch(/^stable timer restarted: RED p95:checkout/);
      await run.waitFor('a few RED checks', (l) => l.type === 'check' && Date.parse(l.at) - Date.parse(restart.at) >= 3000, 10_000);
      setLatency(live.exporter, 'canary', 'checkout', 100);
      const green = await run.waitFor('GREEN again', (l) => l.type === 'check' && l.status === 'GREEN' && Date.parse(l.at) > Date.parse(restart.at), 15_000);
      const ga = await run.waitFor('GA', (l) => l.type === 'phase' && l.windowStatus === 'promoted', 20_000);
      // Six stable seconds counted from the recovery, not from reaching 100% nor from the restart.
      expect(Date.parse(ga.at) - Date.parse(green.at)).toBeGreaterThanOrEqual(6000 - 1000);
      expect(run.lines.filter((l) => l.type === 'lifecycle' && /restarted/.test(l.message))).toHaveLength(1);
    } finally {
      setLatency(live.exporter, 'canary', 'checkout', 100);
    }
    run.stop();
    await run.exited;
    const records = readFileSync(join(audit, 'v20261202.4-live.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records.filter((r) => r.type === 'lifecycle' && /^stable timer restarted: RED p95:checkout/.test(r.next ?? ''))).toHaveLength(1);
  });
});
