/**
 * The KPI panels' rows (errors, payments, infra, economics, funnels): canary
 * beside control from the readout, judged by what the rules decided. Pure and
 * judgement-free: a row's symbol is the status of its gate or the state of its
 * trigger as the decisions say, looked up by id; this file only formats.
 */
import type { Decisions } from '../rules/evaluate.js';
import { formatValue, type Unit } from '../rules/format.js';
import { ratioOverFloor } from '../rules/measures.js';
import type { Policy } from '../rules/policy.js';
import { ceoTagReasons, type Pair, type Readout } from '../rules/readout.js';
import { money } from './money.js';
import { reasonTail } from './reason-tail.js';
import type { CapModel, MetricRowModel, RowMark, TriggerModel, ViewModel } from './view-model.js';

type Fmt = (value: number | null) => string;

const pct: Fmt = (v) => formatValue(v, 'pct');
const times: Fmt = (v) => formatValue(v, 'x');
/** A limit is a size, not a change: "5%" rather than the delta's "+5%". */
const limitOf = (v: number, unit: Unit) => formatValue(v, unit).replace(/^\+/, '');

interface Judged {
  mark: RowMark;
  note: string;
}

/** Where the decisions are, and what the rows read from them. */
export interface KpiInput {
  policy: Policy;
  readout: Readout;
  decisions: Decisions | null;
  /** The trigger rows as the screen already shows them (their notes say "fires in 4m"). */
  triggers: TriggerModel[];
  /** Whether a pair of the readout shows last-good values (see last-good.ts); the row greys them. */
  isStale: (p: Pair) => boolean;
}

/** A gate that did not report is UNKNOWN, never GREEN. */
function byGate(d: Decisions | null, id: string): Judged {
  const g = d?.gates.find((x) => x.id === id);
  if (!g) return { mark: { by: 'gate', status: 'UNKNOWN' }, note: d ? 'not evaluated' : 'no check has run yet' };
  const note = g.status === 'GREEN' ? '' : reasonTail({ ...g, value: formatValue(g.value, g.unit) });
  return { mark: { by: 'gate', status: g.status }, note };
}

function byTrigger(triggers: TriggerModel[], id: string): Judged {
  const t = triggers.find((x) => x.id === id);
  if (!t) return { mark: { by: 'trigger', state: null }, note: '' };
  return { mark: { by: 'trigger', state: t.state }, note: t.note === 'armed' ? '' : t.note };
}

function row(k: KpiInput, id: string, label: string, p: Pair, fmt: Fmt, judged: Judged, limit: string, delta = ''): MetricRowModel {
  return { id, label, canary: fmt(p.canary), control: fmt(p.control), delta, limit, ...judged, stale: k.isStale(p) };
}

export function errorsModel(k: KpiInput): ViewModel['errors'] {
  const { policy, readout, decisions: d, triggers } = k;
  const gate = `≤ ${limitOf(policy.gates.errorRateMax.threshold, 'pct')}`;
  const e = readout.errors;
  return {
    fiveXx: row(k, 'errors:5xx', '5xx', e.fiveXx, pct, byGate(d, 'errors:5xx'), gate),
    js: row(k, 'errors:js', 'client JS', e.js, pct, byGate(d, 'errors:js'), gate),
    // Burn is a share of the day's error budget; only a trigger watches it.
    budgetBurn: row(k, 'errors:budget', 'budget burn', e.budgetBurn, pct, byTrigger(triggers, 'errors:budget'),
      `fires > ${limitOf(policy.triggers.errorBudgetBurn.threshold, 'pct')}`),
  };
}

export function paymentsModel(k: KpiInput): ViewModel['payments'] {
  const { policy, readout, decisions: d, triggers } = k;
  const p = readout.payments;
  const caps = policy.paymentCaps;
  // The trigger's own arithmetic, floor included, so the row's "3x" is the number the trigger judges.
  const { canary: rc, control: rk } = p.refundVoid;
  const ratio = rc !== null && rk !== null ? ratioOverFloor(rc, rk, policy.triggers.refundVoidRatio.controlFloor) : null;
  return {
    e2e: row(k, 'payments:e2e', 'E2E success', p.e2e, pct, byGate(d, 'payments:e2e'), `≥ ${limitOf(policy.gates.paymentsSuccessMin.threshold, 'pct')}`),
    refundVoid: row(k, 'payments:refund-void', 'refund/void', p.refundVoid, pct, byTrigger(triggers, 'payments:refund-void'),
      `fires > ${limitOf(policy.triggers.refundVoidRatio.threshold, 'x')}`, ratio === null ? '' : times(ratio)),
    caps: [
      capModel('tx', 'tx count', p.txCount, caps.maxTransactions, (v) => formatValue(v, 'count')),
      capModel('max-tx', 'largest tx', p.maxTxUsd, caps.maxPerTxUsd, money),
      capModel('global', 'total', p.usdTotal, caps.globalUsd, money),
    ],
  };
}

export function infraModel(k: KpiInput): ViewModel['infra'] {
  const { policy, readout, decisions: d } = k;
  const g = policy.gates;
  return {
    cacheHit: row(k, 'infra:cache', 'cache hit', readout.infra.cacheHit, pct, byGate(d, 'infra:cache'), `≥ ${limitOf(g.cacheHitMin.threshold, 'pct')}`),
    dbSaturation: row(k, 'infra:db', 'DB pool', readout.infra.dbSaturation, pct, byGate(d, 'infra:db'), `≤ ${limitOf(g.dbSaturationMax.threshold, 'pct')}`),
  };
}

export function economicsModel(k: KpiInput): ViewModel['economics'] {
  const { policy, readout, decisions: d } = k;
  const e = readout.economics;
  const delta = (p: Pair) => formatValue(p.delta, 'delta');
  const none: Judged = { mark: { by: 'none' }, note: '' };
  // Asked with a GREEN status, ceoTagReasons gives the margin reason alone: the
  // YELLOW/RED reasons belong to the header and the report, not to this panel.
  const [ceoTag = null] = ceoTagReasons(policy, 'GREEN', readout);
  return {
    costPerUser: row(k, 'econ:cost-per-user', 'cost/user', e.costPerUser, money, byGate(d, 'econ:cost-per-user'),
      `±${limitOf(policy.gates.costPerUserDeltaMax.threshold, 'delta')}`, delta(e.costPerUser)),
    costPerRequest: row(k, 'econ:cost-per-request', 'cost/request', e.costPerRequest, money, none, '', delta(e.costPerRequest)),
    margin: row(k, 'econ:margin', 'margin', e.margin, pct, none, `CEO at ±${limitOf(policy.ceoMarginDeviation, 'delta')}`, delta(e.margin)),
    markup: row(k, 'econ:markup', 'AI markup', e.markup, times, byGate(d, 'econ:markup'), `≥ ${limitOf(policy.gates.markupMin.threshold, 'x')}`),
    ceoTag,
  };
}

export function funnelsModel(k: KpiInput): ViewModel['funnels'] {
  const { policy, readout, decisions: d } = k;
  const f = readout.funnels;
  const drop = policy.gates.funnelDropMax;
  // The limit in the Δ's own sign, as the gate row prints it: a 5% drop is "≥ -5%".
  const floor = (share: number) => `≥ ${formatValue(-share, 'delta')}`;
  return {
    b2c: row(k, 'funnel:b2c', 'B2C', f.b2c, pct, byGate(d, 'funnel:b2c'), floor(drop.b2c.threshold), formatValue(f.b2c.delta, 'delta')),
    b2b: row(k, 'funnel:b2b', 'B2B', f.b2b, pct, byGate(d, 'funnel:b2b'), floor(drop.b2b.threshold), formatValue(f.b2b.delta, 'delta')),
  };
}

/**
 * Share of a cap from which the panel warns. The directive says "warn as they
 * near" without a number; 80% is ours. A view constant for now, because the
 * policy (rules/) has no field for it yet; it belongs in paymentCaps.
 */
export const NEAR_CAP = 0.8;

export function capModel(id: CapModel['id'], label: string, value: number | null, cap: number, fmt: Fmt): CapModel {
  const known = value !== null && Number.isFinite(value);
  // A zero cap means "no payments at all": any payment has reached it.
  const share = !known ? null : cap > 0 ? value / cap : value > 0 ? 1 : 0;
  const tone = share === null ? 'info' : share >= 1 ? 'error' : share >= NEAR_CAP ? 'warn' : 'info';
  return { id, label, value: known ? fmt(value) : '—', cap: fmt(cap), share, tone };
}
