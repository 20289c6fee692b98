/**
 * The KPI panels' view model, built from a real snapshot and the real rules'
 * decisions: values and limits as printed, and symbols that come from the
 * decisions, never from the builder's own judgement.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import type { Snapshot } from '../../rules/types.js';
import { initialWindow } from '../../rules/phases.js';
import type { MetricRowModel } from '../../views/view-model.js';
import { modelOf, NOW, snapshotOf } from './build-input.js';

/** The printable part of a row: what the panels show. */
const shown = (r: MetricRowModel) => [r.label, r.canary, r.control, r.delta, r.limit];

describe('KPI rows from the readout', () => {
  const m = modelOf();

  it.each([
    ['5xx', m.errors.fiveXx, ['5xx', '0.12%', '0.1%', '', '≤ 0.5%']],
    ['client JS', m.errors.js, ['client JS', '0.08%', '0.07%', '', '≤ 0.5%']],
    ['error-budget burn, a share of the daily budget', m.errors.budgetBurn, ['budget burn', '1.1%', '0.9%', '', 'fires > 5%']],
    ['payments E2E', m.payments.e2e, ['E2E success', '99.82%', '99.85%', '', '≥ 99.5%']],
    ['refund/void with its ratio to control', m.payments.refundVoid, ['refund/void', '0.42%', '0.4%', '1.05x', 'fires > 2x']],
    ['cache hit', m.infra.cacheHit, ['cache hit', '91.4%', '91%', '', '≥ 85%']],
    ['DB pool saturation', m.infra.dbSaturation, ['DB pool', '52%', '50%', '', '≤ 80%']],
    ['cost per user, Δ against control', m.economics.costPerUser, ['cost/user', '$0.412', '$0.407', '+1.2%', '±5%']],
    ['cost per request, reported not gated', m.economics.costPerRequest, ['cost/request', '$0.0021', '$0.0021', '+0%', '']],
    ['margin with the CEO line', m.economics.margin, ['margin', '40%', '40%', '+0%', 'CEO at ±3%']],
    ['AI markup', m.economics.markup, ['AI markup', '4.61x', '4.58x', '', '≥ 4x']],
    ['B2C conversion, signed change against control', m.funnels.b2c, ['B2C', '3.19%', '3.2%', '-0.3%', '≥ -5%']],
    ['B2B conversion', m.funnels.b2b, ['B2B', '1.1%', '1.1%', '+0%', '≥ -5%']],
  ])('%s', (_name, row, expected) => {
    expect(shown(row)).toEqual(expected);
  });

  it('marks gated rows with their gate status and trigger-watched rows with their trigger state', () => {
    expect(m.errors.fiveXx.mark).toEqual({ by: 'gate', status: 'GREEN' });
    expect(m.errors.budgetBurn.mark).toEqual({ by: 'trigger', state: 'armed' });
    expect(m.payments.refundVoid.mark).toEqual({ by: 'trigger', state: 'armed' });
    expect(m.economics.costPerRequest.mark).toEqual({ by: 'none' });
  });

  it.each([
    ['a 5xx rate over the gate is RED', () => modelOf({ values: { error_5xx_rate: [0.006, 0.001] } }).errors.fiveXx, 'RED', '> limit 0.5%'],
    ['a cache hit of 86% meets the directive: GREEN, no note', () => modelOf({ values: { cache_hit: [0.86, 0.91] } }).infra.cacheHit, 'GREEN', ''],
    ['markup under 4x is RED', () => modelOf({ values: { markup: [3.9, 4.5] } }).economics.markup, 'RED', '< limit 4x'],
    ['a B2B drop of 6% is RED', () => modelOf({ values: { funnel_b2b_conversion: [0.0094, 0.01] } }).funnels.b2b, 'RED', '< limit -5%'],
  ] as const)('%s, with what the reason adds as the note', (_name, build, status, note) => {
    const row = build();
    expect(row.mark).toEqual({ by: 'gate', status });
    expect(row.note).toBe(note);
  });

  it('the refund/void row shows the ratio the trigger judges: against the 0.1% floor when control has none', () => {
    const row = modelOf({ values: { refund_void_rate: [0.003, 0] } }).payments.refundVoid;
    expect([row.canary, row.control, row.delta]).toEqual(['0.3%', '0%', '3x']);
  });

  it('shows a missing value as "—", UNKNOWN, with why', () => {
    const values = { payments_e2e_success: [Number.NaN, 0.998] as [number, number] };
    const row = modelOf({ values }).payments.e2e;
    expect(row.canary).toBe('—');
    expect(row.mark).toEqual({ by: 'gate', status: 'UNKNOWN' });
    expect(row.note).toContain('NaN');
  });
});

describe('last-good values while data is stale (source down, series quiet)', () => {
  // Five minutes old against the policy's 60 s limit: the rules say UNKNOWN, the panels keep the numbers.
  const FIVE_MIN_AGO = NOW - 5 * 60_000;
  const merged = (...snaps: Snapshot[]): Snapshot => ({ latest: new Map(snaps.flatMap((x) => [...x.latest])) });
  const m = modelOf({ snapshot: merged(snapshotOf({ error_5xx_rate: [0.0012, 0.001], latency_p95: [104, 101] }, FIVE_MIN_AGO), snapshotOf({ error_js_rate: [0.0008, 0.0007] })) });

  it('shows the last good values of a stale row, marked stale, while its gate is UNKNOWN with the age', () => {
    expect([m.errors.fiveXx.canary, m.errors.fiveXx.control, m.errors.fiveXx.stale]).toEqual(['0.12%', '0.1%', true]);
    expect(m.errors.fiveXx.mark).toEqual({ by: 'gate', status: 'UNKNOWN' });
    expect(m.errors.fiveXx.note).toContain('stale (5m old)');
  });

  it('leaves fresh rows unmarked', () => {
    expect([m.errors.js.canary, m.errors.js.stale]).toEqual(['0.08%', false]);
    expect(m.errors.js.mark).toEqual({ by: 'gate', status: 'GREEN' });
  });

  it('marks a latency row whose values are the last good ones, and keeps its P95 UNKNOWN', () => {
    const all = m.latency.rows.find((r) => r.journey === 'all')!;
    expect([all.p95.canary, all.p95.control, all.p95.status, all.stale]).toEqual(['104', '101', 'UNKNOWN', true]);
  });

  it('never fills a value that is missing for another reason than age (NaN stays "—")', () => {
    const nan = modelOf({ snapshot: snapshotOf({ payments_e2e_success: [Number.NaN, 0.998] }, FIVE_MIN_AGO) });
    expect([nan.payments.e2e.canary, nan.payments.e2e.control, nan.payments.e2e.stale]).toEqual(['—', '99.8%', true]);
  });

  it('computes the Δ from the values shown when one side is fresh and the other old', () => {
    const freshCanary = { latest: new Map([...snapshotOf({ cost_per_user: [0.44, 0.4] }).latest].filter(([k]) => k.includes('canary'))) };
    const mixed = modelOf({ snapshot: merged(snapshotOf({ cost_per_user: [0.42, 0.4] }, FIVE_MIN_AGO), freshCanary) });
    expect([mixed.economics.costPerUser.canary, mixed.economics.costPerUser.control, mixed.economics.costPerUser.delta]).toEqual(['$0.44', '$0.4', '+10%']);
  });
});

describe('statuses are relayed from the decisions, not decided by the view', () => {
  it('prints the status the decisions carry even when the value looks fine', () => {
    const m = modelOf({ decisions: (d) => ({ ...d, gates: d.gates.map((g) => (g.id === 'infra:db' ? { ...g, status: 'RED' as const, reason: 'DB pool saturation 52% (forced)' } : g)) }) });
    expect(m.infra.dbSaturation.mark).toEqual({ by: 'gate', status: 'RED' });
    expect(m.infra.dbSaturation.canary).toBe('52%');
  });

  it('before the first check every gate row is UNKNOWN and every trigger row "?"', () => {
    const m = modelOf({ decisions: () => null });
    expect(m.errors.fiveXx.mark).toEqual({ by: 'gate', status: 'UNKNOWN' });
    expect(m.errors.fiveXx.note).toBe('no check has run yet');
    expect(m.payments.refundVoid.mark).toEqual({ by: 'trigger', state: null });
  });

  it('shows a breaching trigger and its countdown on the refund/void row', () => {
    const m = modelOf({
      values: { refund_void_rate: [0.01, 0.004] },
      state: { ...modelState(), triggers: { 'payments:refund-void': { state: 'breaching', since: NOW - 2 * 60_000, checks: 3, value: 2.5 } } },
    });
    expect(m.payments.refundVoid.delta).toBe('2.5x');
    expect(m.payments.refundVoid.mark).toEqual({ by: 'trigger', state: 'breaching' });
    // Refund/void fires after 5 minutes: 2 are served.
    expect(m.payments.refundVoid.note).toBe('fires in 3m');
  });
});

/** A running phase-1 window, 40 minutes in, for tests that set trigger states or the phase. */
function modelState() {
  return { status: 'running' as const, phaseIndex: 0, phaseStartedAt: NOW - 40 * 60_000, weight: 5, triggers: {}, lastReportAt: null };
}

describe('payment caps (100 tx, $20 max/tx, $1,500 global): warn from 80%, error once reached', () => {
  it.each([
    ['79 of 100 transactions', { payments_tx_count: 79 }, 'tx', '79', '100', 0.79, 'info'],
    ['80 of 100 transactions', { payments_tx_count: 80 }, 'tx', '80', '100', 0.8, 'warn'],
    ['100 of 100 transactions', { payments_tx_count: 100 }, 'tx', '100', '100', 1, 'error'],
    ['a $15.80 largest transaction', { payments_max_tx_usd: 15.8 }, 'max-tx', '$15.80', '$20', 0.79, 'info'],
    ['a $16 largest transaction', { payments_max_tx_usd: 16 }, 'max-tx', '$16', '$20', 0.8, 'warn'],
    ['a $20 largest transaction', { payments_max_tx_usd: 20 }, 'max-tx', '$20', '$20', 1, 'error'],
    ['$1,185 in total', { payments_usd_total: 1185 }, 'global', '$1,185', '$1,500', 0.79, 'info'],
    ['$1,200 in total', { payments_usd_total: 1200 }, 'global', '$1,200', '$1,500', 0.8, 'warn'],
    ['$1,500 in total', { payments_usd_total: 1500 }, 'global', '$1,500', '$1,500', 1, 'error'],
    ['$1,620 in total, past the cap', { payments_usd_total: 1620 }, 'global', '$1,620', '$1,500', 1.08, 'error'],
  ] as const)('%s', (_name, values, id, value, capText, share, tone) => {
    const c = modelOf({ values }).payments.caps.find((x) => x.id === id)!;
    expect({ value: c.value, cap: c.cap, tone: c.tone }).toEqual({ value, cap: capText, tone });
    expect(c.share).toBeCloseTo(share, 10);
  });

  it('an unknown count has no share and no warning tone: it is "?", not within the cap', () => {
    const snapshot = snapshotOf({ payments_usd_total: 100, payments_max_tx_usd: 10 });
    const c = modelOf({ snapshot }).payments.caps.find((x) => x.id === 'tx')!;
    expect(c).toMatchObject({ value: '—', share: null, tone: 'info' });
  });

  it('reads the caps from the policy', () => {
    const policy = { ...DEFAULT_POLICY, paymentCaps: { maxTransactions: 40, maxPerTxUsd: 50, globalUsd: 500 } };
    const caps = modelOf({ policy }).payments.caps;
    expect(caps.map((c) => [c.id, c.cap, c.tone])).toEqual([['tx', '40', 'warn'], ['max-tx', '$50', 'info'], ['global', '$500', 'warn']]);
  });
});

describe('the CEO flag on margin (policy.ceoMarginDeviation 3%)', () => {
  it.each([
    ['margin level with control', [0.4, 0.4], null],
    ['margin 3.0% up (41.2% against 40%)', [0.412, 0.4], null],
    ['margin 3.1% up (41.24% against 40%)', [0.4124, 0.4], 'margin deviates 3.1% from control (limit ±3%)'],
    ['margin 3.1% down (38.76% against 40%)', [0.3876, 0.4], 'margin deviates -3.1% from control (limit ±3%)'],
    ['margin unknown', [Number.NaN, 0.4], null],
  ] as const)('%s', (_name, margin, tag) => {
    expect(modelOf({ values: { margin: [...margin] } }).economics.ceoTag).toBe(tag);
  });

  // (0.388 − 0.4) / 0.4 is −0.030000000000000027 in floating point; the readout settles it to exactly −3%.
  it('margin exactly 3.0% down (38.8% against 40%) is not flagged', () => {
    expect(modelOf({ values: { margin: [0.388, 0.4] } }).economics.ceoTag).toBeNull();
  });

  it('does not repeat a YELLOW status as a CEO reason in the economics panel', () => {
    // A critical journey between the 130 ms gate and the 120 ms trigger: the directive's own YELLOW.
    const m = modelOf({ values: { latency_p95: [125, 101] } });
    expect(m.header.status).toBe('YELLOW');
    expect(m.economics.ceoTag).toBeNull();
  });
});

const HEALTHY_ONE = { cache_hit: [0.9, 0.9] as [number, number] };

describe('data freshness in the header', () => {
  it.each([
    ['no sample at all', snapshotOf({}), 'no data', true],
    ['newest sample 12 s old, shown in 5 s steps', snapshotOf(HEALTHY_ONE, NOW - 12_000), 'data 10s old', false],
    ['newest sample exactly at the 60 s staleness limit', snapshotOf(HEALTHY_ONE, NOW - 60_000), 'data 1m old', false],
    ['newest sample 61 s old, shown in whole minutes but stale', snapshotOf(HEALTHY_ONE, NOW - 61_000), 'data 1m old', true],
  ] as const)('%s', (_name, snapshot, text, stale) => {
    const h = modelOf({ snapshot }).header;
    expect([h.freshness, h.dataStale]).toEqual([text, stale]);
  });

  it('ages by the newest series, not the oldest', () => {
    const old = snapshotOf({ cache_hit: [0.9, 0.9] }, NOW - 10 * 60_000);
    const fresh = snapshotOf({ markup: [4.5, 4.5] }, NOW - 5_000);
    const snapshot = { latest: new Map([...old.latest, ...fresh.latest]) };
    expect(modelOf({ snapshot }).header.freshness).toBe('data 5s old');
  });
});

describe('the P95 chart', () => {
  it('carries the history it is given and the phase P95 gate as the threshold', () => {
    const m = modelOf({ history: { canary: [101, 104, 110], control: [100, 101] } });
    expect(m.chart).toEqual({ canary: [101, 104, 110], control: [100, 101], thresholdMs: 130 });
  });

  it('uses the gate of the current phase (120 ms in phase 3)', () => {
    const state = { ...modelState(), phaseIndex: 2, weight: 50 };
    expect(modelOf({ state }).chart.thresholdMs).toBe(120);
  });

  it('is empty, not missing, when the shell passes no history', () => {
    expect(modelOf().chart).toEqual({ canary: [], control: [], thresholdMs: 130 });
  });
});

describe('banners', () => {
  it('an unconfirmed rollback is the loudest line, with its age and the adapter’s answer', () => {
    const m = modelOf({ extra: { unconfirmedRollback: { since: NOW - 42_000, detail: 'HAProxy: connection refused' } } });
    expect(m.banner).toBe('ROLLBACK NOT CONFIRMED for 42s: HAProxy: connection refused; retrying at every check until the load balancer reads back 0%');
    expect(modelOf().banner).toBeNull();
  });

  it('a read-only viewer says who drives, and has no rollout keys', () => {
    const m = modelOf({ extra: { readOnly: 'read-only viewer: alice drives this window (pid 7)' } });
    expect(m.notices[0]).toBe('read-only viewer: alice drives this window (pid 7)');
    expect(m.actions.readOnly).toContain('alice drives');
  });
});

describe('a calm header', () => {
  it('phase progress moves in whole minutes, so the bar does not force a redraw every second', () => {
    expect(modelOf({ now: NOW + 59_000 }).header.progress.elapsedMs).toBe(40 * 60_000);
    expect(modelOf({ now: NOW + 60_000 }).header.progress.elapsedMs).toBe(41 * 60_000);
  });

  it('a READY window has served nothing of its first phase, however long it has waited for T-0', () => {
    const ready = { ...initialWindow(DEFAULT_POLICY, NOW - 2 * 3_600_000), status: 'ready' as const };
    expect(modelOf({ state: ready }).header.progress).toEqual({ elapsedMs: 0, requiredMs: 90 * 60_000 });
  });
});
