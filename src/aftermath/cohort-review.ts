/**
 * ENHANCED_GATE_REPORT.md: the 7-day cohort review the directive opens at
 * GA (B2C/B2B funnel, ARPU, conversion, provider activation, unit
 * economics). canary-tui fills in what the window measured, canary beside
 * control; the day-7 cohort figures and the verdicts are people's work,
 * marked where each goes, with the owners from the roster.
 */
import { formatValue, utcMinute, type Unit } from '../../rules/format.js';
import type { Pair } from '../../rules/readout.js';
import { FILL_IN, gateTable, shown } from './kpi-deltas.js';
import { person, readoutOf, titleLine, type WindowEnd } from './window-end.js';

const DAY_MS = 86_400_000;
const NOT_MEASURED = 'not measured by canary-tui';

const measured = (p: Pair, unit: Unit) => `${shown(p.canary, unit)} vs ${shown(p.control, unit)} (Δ ${formatValue(p.delta, 'delta')})`;
const row = (metric: string, window: string) => `| ${metric} | ${window} | ${FILL_IN} | ${FILL_IN} |`;
const header = ['| metric | window (canary vs control) | day-7 cohort | verdict |', '|---|---|---|---|'];

export function cohortReview(w: WindowEnd): string {
  const r = readoutOf(w);
  const e = r.economics;
  return [
    titleLine('ENHANCED_GATE_REPORT · 7-day cohort review', w),
    '',
    `Opened at GA, ${utcMinute(w.now)}; the review is due ${utcMinute(w.now + 7 * DAY_MS)}. Window ${w.windowId}.`,
    `Owners: B2C ${person(w, 'pmB2c')}, B2B ${person(w, 'pmB2b')}, data ${person(w, 'dataObservability')}.`,
    `canary-tui filled in the window's own figures; every ${FILL_IN} is for a person, from the 7-day cohort.`,
    '',
    '## Gates at GA',
    '',
    ...gateTable(w.decisions),
    '',
    '## B2C funnel',
    '',
    ...header,
    row('conversion', measured(r.funnels.b2c, 'pct')),
    row('organic landing P95', measured(r.latency.find((l) => l.journey === 'organic-landing')?.p95 ?? { canary: null, control: null, delta: null }, 'ms')),
    '',
    '## B2B funnel',
    '',
    ...header,
    row('conversion', measured(r.funnels.b2b, 'pct')),
    '',
    '## ARPU',
    '',
    ...header,
    row('ARPU, B2C', NOT_MEASURED),
    row('ARPU, B2B', NOT_MEASURED),
    '',
    '## Conversion',
    '',
    ...header,
    row('checkout completion (payments E2E)', measured(r.payments.e2e, 'pct')),
    row('refund/void rate', measured(r.payments.refundVoid, 'pct')),
    '',
    '## Provider activation',
    '',
    ...header,
    row('providers activated', NOT_MEASURED),
    '',
    '## Unit economics',
    '',
    ...header,
    row('cost per request', measured(e.costPerRequest, 'usd')),
    row('cost per user', measured(e.costPerUser, 'usd')),
    row('margin', measured(e.margin, 'pct')),
    row('AI markup', measured(e.markup, 'x')),
    '',
    '## Decision',
    '',
    `- Keep, iterate or revert: ${FILL_IN}`,
    `- Signed by (name, role, date): ${FILL_IN}`,
    '',
  ].join('\n');
}
