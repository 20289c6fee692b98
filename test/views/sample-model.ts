/**
 * Plain ViewModel objects for view tests: what buildViewModel would produce
 * for a healthy window, a breaching one, a rolled-back one and one whose
 * data went stale. Written out by hand so a view test never runs the rules.
 */
import type { CapModel, GateModel, LatencyRowModel, MetricRowModel, RowMark, TriggerModel, ViewModel } from '../../views/view-model.js';
import type { Status } from '../../rules/types.js';

export type Variant = 'healthy' | 'breaching' | 'rolled-back' | 'stale';

const MIN = 60_000;

/** How each sample gate compares, as the rules word a passing reason ("≥ limit 99.5%", "within limit ±5%"). */
const passing = (id: string, threshold: string): string =>
  id === 'econ:cost-per-user' ? `within limit ±${threshold}` : `${/^(payments|infra:cache|econ:markup|funnel)/.test(id) ? '≥' : '≤'} limit ${threshold}`;

const gate = (id: string, label: string, value: string, threshold: string, status: Status = 'GREEN', reason?: string): GateModel => ({
  id, label, status, value, threshold, reason: reason ?? `${label} ${value} ${passing(id, threshold)}`,
});

const armed = (id: string, label: string, value: string, threshold: string, windowMs: number, checksNeeded = 1): TriggerModel => ({
  id, label, state: 'armed', value, threshold, elapsedMs: 0, windowMs, checks: 0, checksNeeded, note: 'armed',
});

const row = (journey: string, p50: [string, string], p95: [string, string], p99: [string, string], status: Status, critical = true): LatencyRowModel => ({
  journey, critical,
  p50: { canary: p50[0], control: p50[1] },
  p95: { canary: p95[0], control: p95[1], status },
  p99: { canary: p99[0], control: p99[1] },
  stale: false,
});

const byGate = (status: Status = 'GREEN'): RowMark => ({ by: 'gate', status });
const byTrigger = (state: TriggerModel['state'] = 'armed'): RowMark => ({ by: 'trigger', state });
const NONE: RowMark = { by: 'none' };

const metric = (id: string, label: string, canary: string, control: string, limit: string, mark: RowMark, delta = '', note = '', stale = false): MetricRowModel => ({
  id, label, canary, control, delta, limit, mark, note, stale,
});

const cap = (id: CapModel['id'], label: string, value: string, capText: string, share: number | null, tone: CapModel['tone'] = 'info'): CapModel => ({
  id, label, value, cap: capText, share, tone,
});

/** A P95 series with a gentle wobble, deterministic so golden frames never flake. */
const wobble = (n: number, base: number, amp: number, drift = 0): number[] =>
  Array.from({ length: n }, (_, i) => Math.round((base + amp * Math.sin(i / 3) + (drift * i) / n) * 10) / 10);

function healthy(): ViewModel {
  return {
    posts: null,
    header: {
      title: 'checkout-api v20250114.1 (3f9c2ab) · us-west-2',
      mode: 'REHEARSAL ×60',
      clock: '14:32:05 UTC',
      phase: 'Phase 2/4',
      weight: 25,
      windowStatus: 'running',
      progress: { elapsedMs: 45 * MIN, requiredMs: 60 * MIN },
      status: 'GREEN',
      recommendation: 'GO',
      because: 'all gates GREEN, no trigger breaching',
      report: { text: 'next report in 12m', late: false },
      adapter: 'haproxy 127.0.0.1:9999 backend web',
      freshness: 'data 12s old',
      dataStale: false,
    },
    latency: {
      gateMs: 130,
      rows: [
        row('all', ['61', '60'], ['104', '101'], ['180', '176'], 'GREEN'),
        row('checkout', ['72', '70'], ['112', '108'], ['201', '195'], 'GREEN'),
        row('search', ['48', '47'], ['96', '95'], ['150', '149'], 'GREEN'),
        row('organic-landing', ['55', '54'], ['140', '138'], ['260', '250'], 'GREEN', false),
      ],
    },
    chart: { canary: wobble(90, 103, 2), control: wobble(90, 100, 1.5), thresholdMs: 130 },
    errors: {
      fiveXx: metric('errors:5xx', '5xx', '0.12%', '0.1%', '≤ 0.5%', byGate()),
      js: metric('errors:js', 'client JS', '0.08%', '0.07%', '≤ 0.5%', byGate()),
      budgetBurn: metric('errors:budget', 'budget burn', '1.1%', '0.9%', 'fires > 5%', byTrigger()),
    },
    payments: {
      e2e: metric('payments:e2e', 'E2E success', '99.82%', '99.85%', '≥ 99.5%', byGate()),
      refundVoid: metric('payments:refund-void', 'refund/void', '0.42%', '0.4%', 'fires > 2x', byTrigger(), '1.05x'),
      caps: [
        cap('tx', 'tx count', '37', '100', 0.37),
        cap('max-tx', 'largest tx', '$18.40', '$20', 0.92, 'warn'),
        cap('global', 'total', '$412', '$1,500', 0.27),
      ],
    },
    infra: {
      cacheHit: metric('infra:cache', 'cache hit', '91.4%', '91%', '≥ 85%', byGate()),
      dbSaturation: metric('infra:db', 'DB pool', '52%', '50%', '≤ 80%', byGate()),
    },
    economics: {
      costPerUser: metric('econ:cost-per-user', 'cost/user', '$0.412', '$0.407', '±5%', byGate(), '+1.2%'),
      costPerRequest: metric('econ:cost-per-request', 'cost/request', '$0.0021', '$0.0021', '', NONE, '+0.5%'),
      margin: metric('econ:margin', 'margin', '41.2%', '40.8%', 'CEO at ±3%', NONE, '+1%'),
      markup: metric('econ:markup', 'AI markup', '4.61x', '4.58x', '≥ 4x', byGate()),
      ceoTag: null,
    },
    funnels: {
      b2c: metric('funnel:b2c', 'B2C', '3.19%', '3.2%', '≥ -5%', byGate(), '-0.4%'),
      b2b: metric('funnel:b2b', 'B2B', '1.1%', '1.1%', '≥ -5%', byGate(), '+0.2%'),
    },
    gates: [
      gate('p95:all', 'P95 overall', '104 ms', '130 ms'),
      gate('p95:checkout', 'P95 checkout', '112 ms', '130 ms'),
      gate('p95:search', 'P95 search', '96 ms', '130 ms'),
      gate('errors:5xx', '5xx rate', '0.12%', '0.5%'),
      gate('errors:js', 'Client JS errors', '0.08%', '0.5%'),
      gate('payments:e2e', 'Payments E2E', '99.82%', '99.5%'),
      gate('infra:cache', 'Cache hit', '91.4%', '85%'),
      gate('infra:db', 'DB pool saturation', '52%', '80%'),
      gate('econ:cost-per-user', 'Cost/user vs control', '+1.2%', '5%'),
      gate('econ:markup', 'AI markup', '4.61x', '4x'),
      gate('funnel:b2c', 'B2C funnel Δ', '-0.4%', '-5%'),
      gate('funnel:b2b', 'B2B funnel Δ', '+0.2%', '-5%'),
    ],
    triggers: [
      armed('p95:checkout', 'P95 checkout', '112 ms', '> 120 ms', 10 * MIN, 2),
      armed('p95:search', 'P95 search', '96 ms', '> 120 ms', 10 * MIN, 2),
      armed('errors:5xx', '5xx rate', '0.12%', '> 0.5%', 5 * MIN),
      armed('errors:js', 'Client JS errors', '0.08%', '> 0.5%', 5 * MIN),
      armed('errors:budget', 'Error budget burn', '1.1%', '> 5%', 0),
      armed('payments:e2e', 'Payments E2E', '99.82%', '< 99.5%', 5 * MIN),
      armed('payments:refund-void', 'Refund/void vs control', '1.05x', '> 2x', 5 * MIN),
      armed('infra:cache', 'Cache hit', '91.4%', '< 85%', 10 * MIN),
      armed('infra:db', 'DB saturation', '52%', '> 80%', 10 * MIN),
      armed('econ:cost-per-user', 'Cost/user vs control', '+1.2%', '> 5%', 15 * MIN),
      armed('econ:markup', 'AI markup', '4.61x', '< 4x', 15 * MIN),
    ],
    anomalies: [],
    events: [
      { at: '13:47', text: 'advance 5%→25% by alice: OK · dry-run', tone: 'info' },
      { at: '14:02', text: 'phase 2 · 25% · running: advanced by alice', tone: 'info' },
      { at: '14:17', text: 'status report ready (press c to copy)', tone: 'info' },
    ],
    notices: [],
    flash: null,
    release: null,
    banner: null,
    actions: { canAdvance: true, advanceBlockers: [], needsApproval: false, held: false, terminal: false, readOnly: null, postsTo: null, ready: false, openBlockers: [], preflightBlockers: [], rollingBack: false, nextWeight: 50, confirmQuit: false, weightUnknown: false, replay: null, bound: { phaseIndex: 1, status: 'running', weight: 25 } },
  };
}

function breaching(): ViewModel {
  const m = healthy();
  const overlap = 'P95 gate 130 ms is looser than the 120 ms trigger: between them a critical journey is YELLOW and rolls back after 10m';
  const yellowReason = 'P95 checkout 125 ms ≤ limit 130 ms but > 120 ms rollback trigger';
  m.header = { ...m.header, phase: 'Phase 1/4', weight: 5, progress: { elapsedMs: 40 * MIN, requiredMs: 90 * MIN }, status: 'YELLOW', recommendation: 'HOLD', because: 'trigger breaching: P95 checkout' };
  m.latency.rows[1] = row('checkout', ['80', '70'], ['125', '108'], ['240', '195'], 'YELLOW');
  m.gates[1] = gate('p95:checkout', 'P95 checkout', '125 ms', '130 ms', 'YELLOW', yellowReason);
  m.triggers[0] = { ...m.triggers[0]!, state: 'breaching', value: '125 ms', elapsedMs: 4 * MIN + 10_000, checks: 1, note: 'fires in 5m50s' };
  m.anomalies = ['P95 checkout 125 ms vs 108 ms control (limit 130 ms)', 'Cache hit 88.1% vs 91.0% control (limit 85%)'];
  m.chart = { canary: wobble(80, 104, 2, 14), control: wobble(80, 101, 1.5), thresholdMs: 130 };
  m.payments.caps = [
    cap('tx', 'tx count', '80', '100', 0.8, 'warn'),
    cap('max-tx', 'largest tx', '$20', '$20', 1, 'error'),
    cap('global', 'total', '$1,190', '$1,500', 0.79),
  ];
  m.economics.margin = metric('econ:margin', 'margin', '39.5%', '40.8%', 'CEO at ±3%', NONE, '-3.2%');
  m.economics.ceoTag = 'margin deviates -3.2% from control (limit ±3%)';
  m.events.push({ at: '14:28', text: 'trigger p95:checkout breaching: P95 checkout 125 ms > 120 ms', tone: 'warn' });
  m.notices = [overlap];
  m.actions = {
    canAdvance: false,
    advanceBlockers: ['minimum time not served (40m of 1h30m)', `YELLOW: ${yellowReason}`, 'YELLOW: Cache hit 88.1% ≥ limit 85% but < 90% warning band', 'UNKNOWN: B2B funnel Δ: UNKNOWN, no data'],
    needsApproval: false, held: false, terminal: false, readOnly: null, postsTo: null, ready: false, openBlockers: [], preflightBlockers: [], rollingBack: false, nextWeight: 25, confirmQuit: false, weightUnknown: false, replay: null, bound: { phaseIndex: 0, status: 'running', weight: 5 },
  };
  return m;
}

function rolledBack(): ViewModel {
  const m = breaching();
  m.header = { ...m.header, phase: 'Phase 3/4', weight: 0, windowStatus: 'rolled-back', status: 'RED', recommendation: 'ROLLBACK', because: 'window rolled back' };
  m.latency.rows[1] = row('checkout', ['95', '70'], ['133', '108'], ['300', '195'], 'RED');
  m.gates[1] = gate('p95:checkout', 'P95 checkout', '133 ms', '120 ms', 'RED', 'P95 checkout 133 ms > limit 120 ms');
  m.triggers[0] = { ...m.triggers[0]!, state: 'fired', value: '133 ms', elapsedMs: 10 * MIN, checks: 0, note: 'FIRED 14:31' };
  m.chart = { canary: wobble(60, 110, 3, 25), control: wobble(60, 101, 1.5), thresholdMs: 120 };
  m.events.push(
    { at: '14:31', text: 'trigger p95:checkout fired: P95 checkout 133 ms > 120 ms for 10m', tone: 'error' },
    { at: '14:31', text: 'rollback 50%→0% by canary-tui (auto): OK · dry-run', tone: 'info' },
  );
  m.actions = { canAdvance: false, advanceBlockers: ['window is rolled-back'], needsApproval: true, held: false, terminal: true, readOnly: null, postsTo: null, ready: false, openBlockers: [], preflightBlockers: [], rollingBack: false, nextWeight: 100, confirmQuit: false, weightUnknown: false, replay: null, bound: { phaseIndex: 2, status: 'rolled-back', weight: 0 } };
  return m;
}

function stale(): ViewModel {
  const m = healthy();
  m.header = { ...m.header, status: 'UNKNOWN', recommendation: 'HOLD', because: 'no usable data: 5xx rate, Payments E2E' };
  m.gates[3] = gate('errors:5xx', '5xx rate', '—', '0.5%', 'UNKNOWN', '5xx rate: UNKNOWN, stale (4m old)');
  m.gates[5] = gate('payments:e2e', 'Payments E2E', '—', '99.5%', 'UNKNOWN', 'Payments E2E: UNKNOWN, stale (4m old)');
  m.triggers[2] = { ...m.triggers[2]!, value: '—', note: 'stale (4m old)' };
  m.header.freshness = 'data 4m old';
  m.header.dataStale = true;
  // The last good values stay on screen, greyed, with the gate UNKNOWN.
  m.errors.fiveXx = metric('errors:5xx', '5xx', '0.12%', '0.1%', '≤ 0.5%', byGate('UNKNOWN'), '', 'stale (4m old)', true);
  m.payments.e2e = metric('payments:e2e', 'E2E success', '99.91%', '99.85%', '≥ 99.5%', byGate('UNKNOWN'), '', 'stale (4m old)', true);
  m.payments.caps[0] = cap('tx', 'tx count', '—', '100', null);
  m.chart = { canary: wobble(30, 103, 2), control: wobble(30, 100, 1.5), thresholdMs: 130 };
  m.actions = { ...m.actions, canAdvance: false, advanceBlockers: ['UNKNOWN: 5xx rate: UNKNOWN, stale (4m old)', 'UNKNOWN: Payments E2E: UNKNOWN, stale (4m old)'] };
  return m;
}

const BUILDERS: Record<Variant, () => ViewModel> = { healthy, breaching, 'rolled-back': rolledBack, stale };

/** A fresh model each call, so a test may mutate it freely. */
export function sampleModel(variant: Variant = 'healthy', patch: (m: ViewModel) => void = () => {}): ViewModel {
  const m = BUILDERS[variant]();
  patch(m);
  return m;
}
