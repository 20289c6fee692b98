/**
 * The 15-minute #ship-room status, in Slack mrkdwn, holding every field the
 * directive lists. Only aggregates go in: no user, session or request data.
 */
import type { Decisions } from '../../rules/evaluate.js';
import { formatDuration, formatValue, type Unit } from '../../rules/format.js';
import type { WindowState } from '../../rules/phases.js';
import type { Policy } from '../../rules/policy.js';
import { buildReadout, ceoTagReasons, type Pair } from '../../rules/readout.js';
import { fireCondition } from '../../rules/triggers.js';
import type { Snapshot } from '../../rules/types.js';
import type { WindowMeta } from '../engine/window-meta.js';
import { maskPii } from '../comms/pii.js';
import { latencyTable } from './latency-table.js';
import { actionLines, directiveVerdict, icLine, nextActionLine, nextReportLine, type ReportedAction } from './report-verdict.js';

export interface ReportInput {
  meta: WindowMeta;
  policy: Policy;
  state: WindowState;
  decisions: Decisions | null;
  snapshot: Snapshot;
  now: number;
  /** The synthetic monitor's last round, when the release configures one: "3/3 passing…" or "1/3 failing: …". */
  monitor?: { ok: boolean; detail: string } | null;
  /** The window's recent actions (the engine's view); the IC's since the last report are listed. */
  actions?: readonly ReportedAction[];
}

const v = (x: number | null, unit: Unit) => formatValue(x, unit);
const vs = (p: Pair, unit: Unit) => `${v(p.canary, unit)} (control ${v(p.control, unit)})`;

export function buildReport(input: ReportInput): string {
  const { meta, policy, state, decisions: d, now } = input;
  const r = meta.release;
  const readout = buildReadout(policy, { snapshot: input.snapshot, now, staleAfterMs: policy.staleAfterMs, minCanaryRequests: policy.minCanaryRequests });
  const phase = policy.phases[state.phaseIndex]!;
  const status = d?.status ?? 'UNKNOWN';
  const verdict = directiveVerdict(state, d);
  const tag = ceoTagReasons(policy, status, readout);
  const caps = policy.paymentCaps;
  const p = readout.payments;
  const e = readout.economics;
  // A READY window has served nothing yet: its first phase starts when the IC opens it.
  const served = state.status === 'ready' ? `not open (${formatDuration(phase.minDurationMs)} from the open)` : `${formatDuration(now - state.phaseStartedAt)} of ${formatDuration(phase.minDurationMs)}`;
  const lines = [
    `*Canary status ${new Date(now).toISOString().slice(0, 16).replace('T', ' ')} UTC* · ${r.service} ${r.tag} (\`${r.commit}\`) · ${r.region}${meta.mode === 'LIVE' ? '' : ` · _${meta.mode}_`}`,
    `*Phase ${state.phaseIndex + 1}/${policy.phases.length} · ${state.weight}% canary* · ${served} · window ${state.status} · status *${status}*`,
    icLine(meta),
    ...(tag.length ? [r.ceoHandle ? `${r.ceoHandle} tagged: ${tag.join('; ')}` : `CEO tag due (${tag.join('; ')}), but the config names no Slack mention for the CEO (roster.ceo.contact)`] : []),
    '',
    `*Latency (ms, canary / control), P95 gate ≤ ${phase.p95GateMs} ms*`,
    '```',
    ...latencyTable(readout.latency),
    '```',
    `*Errors* 5xx ${vs(readout.errors.fiveXx, 'pct')} · client JS ${vs(readout.errors.js, 'pct')} · gate ≤ ${v(policy.gates.errorRateMax.threshold, 'pct')} · error budget burn ${v(readout.errors.budgetBurn.canary, 'pct')} of daily`,
    `*Payments E2E* ${vs(p.e2e, 'pct')} · gate ≥ ${v(policy.gates.paymentsSuccessMin.threshold, 'pct')} · refund/void ${vs(p.refundVoid, 'pct')} · caps ${v(p.txCount, 'count')}/${caps.maxTransactions} tx, ${v(p.usdTotal, 'usd')}/${v(caps.globalUsd, 'usd')}, largest ${v(p.maxTxUsd, 'usd')}/${v(caps.maxPerTxUsd, 'usd')}`,
    `*Cache/DB* cache hit ${vs(readout.infra.cacheHit, 'pct')} · DB pool ${vs(readout.infra.dbSaturation, 'pct')}`,
    `*Unit economics* cost/request Δ ${v(e.costPerRequest.delta, 'delta')} · cost/user Δ ${v(e.costPerUser.delta, 'delta')} · margin ${vs(e.margin, 'pct')} Δ ${v(e.margin.delta, 'delta')} · AI markup ${vs(e.markup, 'x')}`,
    `*Funnels* (Δ canary vs control) B2C ${vs(readout.funnels.b2c, 'pct')} Δ ${v(readout.funnels.b2c.delta ?? null, 'delta')} · B2B ${vs(readout.funnels.b2b, 'pct')} Δ ${v(readout.funnels.b2b.delta ?? null, 'delta')}`,
    '*Top 3 anomalies*',
    ...(d && d.anomalies.length ? d.anomalies.map((a, i) => `${i + 1}. ${a.text}`) : [!d || d.blind ? 'no data: nothing to compare yet' : 'none above noise on the KPIs with data']),
    ...(input.monitor ? [`*Synthetic monitor* ${input.monitor.ok ? '' : '✖ '}${input.monitor.detail}`] : []),
    ...triggerLines(d, state),
    ...actionLines(input.actions ?? [], now, policy.reportEveryMs),
    `*Recommendation: ${verdict.recommendation}* · ${verdict.because}`,
    nextActionLine(policy, state, d, now),
    nextReportLine(policy, state, now),
  ];
  // Label values (journey names) come from the team's metrics: anything that looks like a person is masked.
  return maskPii(lines.join('\n'), [r.commit]);
}

function triggerLines(d: Decisions | null, state: WindowState): string[] {
  // A decided window counts nothing down: what fired is history, and nothing more can fire.
  if (state.status === 'rolled-back' || state.status === 'promoted') {
    const fired = d?.triggers.filter((t) => t.state.state === 'fired') ?? [];
    const what = fired.length ? fired.map((t) => `FIRED ${t.def.label}: ${t.state.state === 'fired' ? t.state.reason : ''}`).join('; ') : 'none fired';
    return [`*Triggers* window ${state.status === 'promoted' ? 'promoted' : 'rolled back'}; ${what}; no longer watched`];
  }
  if (!d) return ['*Triggers* no check has run yet'];
  const hot = d.triggers.filter((t) => t.state.state !== 'armed');
  const blind = d.triggers.filter((t) => t.state.state === 'armed' && t.value === null);
  if (!hot.length && blind.length === d.triggers.length) return ['*Triggers* no data: none can breach or fire until data arrives'];
  if (!hot.length && blind.length) return [`*Triggers* none breaching; ${blind.length} of ${d.triggers.length} without data: ${blind.map((t) => t.def.label).join(', ')}`];
  if (!hot.length) return ['*Triggers* all armed, none breaching'];
  return [
    '*Triggers*',
    ...hot.map((t) =>
      t.state.state === 'fired'
        ? `• FIRED ${t.def.label}: ${t.state.reason}`
        : `• breaching ${t.def.label}: ${fireCondition(t.def)} · now ${formatValue(t.value, t.def.unit)} · fires in ${formatDuration(t.remainingMs ?? 0)} at the earliest`,
    ),
  ];
}
