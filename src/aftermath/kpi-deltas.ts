/**
 * The window's KPIs as a Markdown table, canary beside control with the
 * delta, from the same readout the screen and the report print, so an
 * end-of-window file never disagrees with the last report about a number.
 */
import { formatValue, type Unit } from '../../rules/format.js';
import type { Decisions } from '../../rules/evaluate.js';
import type { Readout, Pair } from '../../rules/readout.js';
import { money } from '../../views/money.js';

/** Unit costs are fractions of a cent: dollars as the screen prints them ($0.0021), never "$0.00". */
export const shown = (x: number | null, unit: Unit) => (unit === 'usd' ? money(x) : formatValue(x, unit));
const row = (label: string, p: Pair, unit: Unit) => `| ${label} | ${shown(p.canary, unit)} | ${shown(p.control, unit)} | ${formatValue(p.delta, 'delta')} |`;

export function kpiTable(r: Readout): string[] {
  return [
    '| KPI | canary | control | Δ |',
    '|---|---:|---:|---:|',
    ...r.latency.flatMap((l) => [row(`P50 ${l.journey}`, l.p50, 'ms'), row(`P95 ${l.journey}`, l.p95, 'ms'), row(`P99 ${l.journey}`, l.p99, 'ms')]),
    row('5xx rate', r.errors.fiveXx, 'pct'),
    row('client JS errors', r.errors.js, 'pct'),
    row('payments E2E success', r.payments.e2e, 'pct'),
    row('refund/void rate', r.payments.refundVoid, 'pct'),
    row('cache hit', r.infra.cacheHit, 'pct'),
    row('DB pool saturation', r.infra.dbSaturation, 'pct'),
    row('cost per request', r.economics.costPerRequest, 'usd'),
    row('cost per user', r.economics.costPerUser, 'usd'),
    row('margin', r.economics.margin, 'pct'),
    row('AI markup', r.economics.markup, 'x'),
    row('B2C conversion', r.funnels.b2c, 'pct'),
    row('B2B conversion', r.funnels.b2b, 'pct'),
  ];
}

export function gateTable(d: Decisions | null): string[] {
  if (!d) return ['No check ran: no gate was judged.'];
  return [
    '| gate | status | value | limit |',
    '|---|---|---:|---:|',
    ...d.gates.map((g) => `| ${g.label} | ${g.status} | ${formatValue(g.value, g.unit)} | ${formatValue(g.threshold, g.unit).replace(/^\+/, '')} |`),
  ];
}

/** What a person must write; the files mark every such place the same way, so it can be searched for. */
export const FILL_IN = '✎ TO FILL IN';
