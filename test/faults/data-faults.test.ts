/**
 * Numbers that are not numbers, from the real Prometheus (NaN, +Inf and -Inf
 * scraped from the exporter), and the billing API failing (HTTP 500, a
 * renamed field). The gate fed by the bad value is never GREEN while it
 * lasts; the others keep being judged; each is judged again once the value
 * is real.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { useLivePrometheus } from '../live/use-live-prometheus.js';
import { healthyScenario } from '../live/scenario.js';
import { fullyJudged, readAudit, recordFault } from './fault-record.js';
import { startBillingStub, type BillingMode } from './billing-stub.js';
import { checksSince, errorSince, startFaultWindow } from './fault-window.js';

const live = useLivePrometheus();
const BOUND = 15_000;
const BILLING_KPIS = ['cost_per_user', 'cost_per_request', 'margin', 'markup'];
const BILLING_GATES = ['econ:cost-per-user', 'econ:markup'];

/** The example's queries without the unit economics, which the billing API answers instead. */
function queriesWithoutEconomics(): Record<string, string> {
  const example = parse(readFileSync(join(import.meta.dirname, '../../examples/prometheus.yaml'), 'utf8')) as { source: { queries: Record<string, string> } };
  return Object.fromEntries(Object.entries(example.source.queries).filter(([kpi]) => !BILLING_KPIS.includes(kpi)));
}

const values = [
  { id: 'prometheus-nan', fault: 'NaN from Prometheus (checkout P95)', gate: 'p95:checkout', set: () => live.exporter.set('web_latency_ms', { track: 'canary', journey: 'checkout', quantile: '0.95' }, Number.NaN) },
  { id: 'prometheus-inf', fault: '+Inf from Prometheus (5xx rate)', gate: 'errors:5xx', set: () => live.exporter.set('web_error_ratio', { track: 'canary', kind: '5xx' }, Infinity) },
  { id: 'prometheus-minus-inf', fault: '-Inf from Prometheus (cache hit)', gate: 'infra:cache', set: () => live.exporter.set('cache_hit_ratio', { track: 'canary' }, -Infinity) },
];

describe('data faults', { timeout: 90_000 }, () => {
  it.each(values)('$fault: its gate is never GREEN while it lasts, judged again after', async ({ id, fault, gate, set }) => {
    const w = startFaultWindow(live.prom.url);
    live.runs.push(w.run);
    await w.run.waitFor('a judged check at 5%', (l) => fullyJudged(l) && l.weight === 5, 30_000);
    set();
    const bent = await w.run.waitForSince(`${gate} not GREEN`, (l) => l.type === 'check' && l.gates[gate] !== 'GREEN', Date.now(), BOUND);
    await w.run.waitFor('two more checks', () => checksSince(w.run, Date.parse(bent.line.at)).length >= 3, BOUND);
    const healed = Date.now();
    healthyScenario(live.exporter);
    const back = await w.run.waitForSince('a fully judged check', (l) => fullyJudged(l) && l.gates[gate] === 'GREEN', healed, BOUND);
    // A check that began just before the heal may already read the healed value: judged up to a second before it.
    const during = checksSince(w.run, Date.parse(bent.line.at), healed - 1_000);
    expect(during.map((c) => c.gates[gate])).toEqual(during.map(() => 'UNKNOWN'));
    // The other gates keep being judged.
    expect(during.every((c) => Object.entries(c.gates).filter(([g]) => g !== gate).every(([, s]) => s === 'GREEN'))).toBe(true);
    expect(readAudit(w.auditDir).torn).toEqual([]);
    recordFault({ id, fault, says: `${gate} UNKNOWN: ${String(bent.line.because).slice(0, 120)}`, noGreenOnMissing: true, auditIntact: true, recovered: true, recoveryMs: back.at - healed });
    w.run.stop();
  });

  const billing: Array<{ id: string; fault: string; mode: BillingMode; says: RegExp }> = [
    { id: 'billing-500', fault: 'Billing API answers HTTP 500', mode: 'http-500', says: /HTTP 500/ },
    { id: 'billing-schema', fault: 'Billing API changes its schema', mode: 'renamed-field', says: /tracks\.canary/ },
  ];

  it.each(billing)('$fault: the economics gates UNKNOWN, named; the rest judged; back when it answers', async ({ id, fault, mode, says }) => {
    const stub = await startBillingStub();
    const w = startFaultWindow(live.prom.url, { billing: { url: stub.url, timeout: '2s' }, source: { queries: queriesWithoutEconomics() } });
    live.runs.push(w.run);
    await w.run.waitFor('a judged check at 5%', (l) => fullyJudged(l) && l.weight === 5, 30_000);
    stub.mode = mode;
    const bent = Date.now();
    await w.run.waitFor('two checks under the fault', () => checksSince(w.run, bent).length >= 2, BOUND);
    const message = errorSince(w.run, bent);
    expect(message).toMatch(says);
    const healed = Date.now();
    stub.mode = 'healthy';
    const back = await w.run.waitForSince('a fully judged check', fullyJudged, healed, BOUND);
    const during = checksSince(w.run, bent, healed - 1_000);
    expect(during.flatMap((c) => BILLING_GATES.map((g) => c.gates[g]))).toEqual(during.flatMap(() => ['UNKNOWN', 'UNKNOWN']));
    expect(during.every((c) => c.gates['p95:all'] === 'GREEN')).toBe(true);
    expect(readAudit(w.auditDir).torn).toEqual([]);
    recordFault({ id, fault, says: message!.slice(0, 160), noGreenOnMissing: true, auditIntact: true, recovered: true, recoveryMs: back.at - healed });
    w.run.stop();
    await stub.stop();
  });
});
