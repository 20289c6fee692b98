/**
 * Pure: engine state + decisions + time → ViewModel. Countdowns are computed
 * from `now`, so the shell can refresh them once a second without a check.
 */
import type { Lifecycle } from '../rules/lifecycle.js';
import type { PreflightView } from '../src/preflight/preflight-host.js';
import { releaseModel } from './release-model.js';
import { reportIndicator, type ReportDeliveries } from './report-due.js';
import { currentVerdict, type Decisions } from '../rules/evaluate.js';
import { calmMs, formatCalmDuration, formatDuration, formatValue } from '../rules/format.js';
import type { WindowState } from '../rules/phases.js';
import type { Policy } from '../rules/policy.js';
import { type Pair } from '../rules/readout.js';
import type { Snapshot, Status } from '../rules/types.js';
import type { EngineEvent } from '../src/engine/events.js';
import type { WindowMeta } from '../src/engine/window-meta.js';
import type { SourceHealth } from '../src/engine/source-health.js';
import { eventModels } from './event-models.js';
import { freshness } from './freshness.js';
import { shownReadout } from './last-good.js';
import { economicsModel, errorsModel, funnelsModel, infraModel, paymentsModel, type KpiInput } from './kpi-models.js';
import type { ReplayState, TriggerModel, ViewModel } from './view-model.js';

export interface ViewInput {
  meta: WindowMeta;
  policy: Policy;
  state: WindowState;
  decisions: Decisions | null;
  snapshot: Snapshot;
  events: readonly EngineEvent[];
  adapter: string;
  flash: ViewModel['flash'];
  /** Data-source health; absent in tests that do not care. */
  health?: SourceHealth;
  /** A rollback asked for but not read back from the load balancer. */
  unconfirmedRollback?: { since: number; detail: string } | null;
  /** Set when another instance drives this window: why this one only watches. */
  readOnly?: string;
  /** The Slack channel `p` posts to, when the config has a slack section. */
  postsTo?: string | null;
  /** What opening a READY window still needs, from the engine's facts (data and the weight read back). */
  openBlockers?: readonly string[];
  /** The load balancer's weight could not be read back. */
  weightUnknown?: boolean;
  /** P95 (journey "all") values since the phase started, oldest first; the shell reads them from the store. */
  history?: { canary: readonly number[]; control: readonly number[] };
  /** The release around the window (engine-view.ts); absent when the config plans none. */
  preflight?: PreflightView | null;
  lifecycle?: Lifecycle | null;
  /** A replay on screen: its speed now, paused, rushing to the next event; absent in a live window and headless. */
  replay?: ReplayState;
  /** The #ship-room posts as of now (the shell fills them from the config); absent: no posts view. */
  posts?: ViewModel['posts'];
  /** When the last report fell due and when one was last posted or copied (the TUI keeps them). */
  reports?: ReportDeliveries;
  now: number;
}

const ms = (p: Pair, side: 'canary' | 'control') => (p[side] === null ? '—' : p[side]!.toFixed(0));

export function buildViewModel(input: ViewInput): ViewModel {
  const { meta, policy, state, decisions: d, now } = input;
  const phase = policy.phases[state.phaseIndex]!;
  const ctx = { snapshot: input.snapshot, now, staleAfterMs: policy.staleAfterMs, minCanaryRequests: policy.minCanaryRequests };
  const { readout, isStale } = shownReadout(policy, ctx);
  const gateStatus = new Map((d?.gates ?? []).map((g) => [g.id, g.status]));
  const r = meta.release;
  const terminal = state.status === 'rolled-back' || state.status === 'promoted';
  const ready = state.status === 'ready';
  const nextWeight = ready ? policy.phases[0]!.weight : (policy.phases[state.phaseIndex + 1]?.weight ?? null);
  const triggers = triggerModels(d, now);
  const kpi: KpiInput = { policy, readout, decisions: d, triggers, isStale };
  return {
    posts: input.posts ?? null,
    header: {
      title: `${r.service} ${r.tag} (${r.commit}) · ${r.region}`,
      mode: modeText(meta.mode, input.replay?.speed ?? meta.speed, input.replay),
      clock: `${new Date(now).toISOString().slice(11, 16)} UTC`,
      phase: `Phase ${state.phaseIndex + 1}/${policy.phases.length}`,
      weight: state.weight,
      windowStatus: state.status,
      // Minute steps: a progress bar over 90 minutes must not force a redraw every second.
      // At 100% the bar is the stable timer: it restarts on a RED or UNKNOWN gate or a restless trigger.
      // A READY window has served nothing yet: its first phase starts when the IC opens it.
      progress: { elapsedMs: state.status === 'ready' ? 0 : calmMs(now - (state.stableSince ?? state.phaseStartedAt)), requiredMs: phase.minDurationMs },
      status: d?.status ?? 'UNKNOWN',
      ...currentVerdict(state, d),
      report: reportIndicator(policy, state, input.reports, now),
      adapter: input.adapter,
      ...freshness(input.snapshot, now, policy.staleAfterMs),
    },
    latency: {
      gateMs: phase.p95GateMs,
      rows: readout.latency.map((row) => ({
        journey: row.journey,
        critical: row.critical,
        p50: { canary: ms(row.p50, 'canary'), control: ms(row.p50, 'control') },
        p95: { canary: ms(row.p95, 'canary'), control: ms(row.p95, 'control'), status: row.critical ? gateStatus.get(`p95:${row.journey}`) ?? 'UNKNOWN' : ('GREEN' as Status) },
        p99: { canary: ms(row.p99, 'canary'), control: ms(row.p99, 'control') },
        stale: isStale(row.p50) || isStale(row.p95) || isStale(row.p99),
      })),
    },
    chart: { canary: [...(input.history?.canary ?? [])], control: [...(input.history?.control ?? [])], thresholdMs: phase.p95GateMs },
    errors: errorsModel(kpi),
    payments: paymentsModel(kpi),
    infra: infraModel(kpi),
    economics: { ...economicsModel(kpi), marginNote: readout.economics.margin.delta === null ? 'margin: no data, so no word on the CEO tag' : `margin within ±${(policy.ceoMarginDeviation * 100).toFixed(0)}% of control: no CEO tag` },
    funnels: funnelsModel(kpi),
    gates: (d?.gates ?? []).map((g) => ({
      id: g.id, label: g.label, status: g.status, value: formatValue(g.value, g.unit),
      threshold: formatValue(g.threshold, g.unit).replace(/^\+/, ''), reason: g.reason,
    })),
    triggers,
    anomalies: [...monitorAnomaly(input.preflight), ...(d?.anomalies ?? []).map((a) => a.text)],
    noAnomalies: !d || d.blind ? 'no data: nothing to compare yet' : 'none above noise on the KPIs with data',
    events: eventModels(input.events),
    notices: [
      ...(input.readOnly ? [input.readOnly] : []),
      ...(phase.p95GateMs > policy.triggers.latencyP95.thresholdMs
        ? [`P95 gate ${phase.p95GateMs} ms is looser than the ${policy.triggers.latencyP95.thresholdMs} ms trigger: between them a critical journey is YELLOW and rolls back after ${formatDuration(policy.triggers.latencyP95.forMs)}`]
        : []),
    ],
    flash: input.flash,
    release: releaseModel(input.preflight ?? undefined, input.lifecycle ?? undefined),
    banner: [rollbackBanner(input.unconfirmedRollback, now), sourceBanner(input.health, now)].filter(Boolean).join(' · ') || null,
    actions: {
      canAdvance: !terminal && (d?.advanceBlockers.length ?? 1) === 0,
      advanceBlockers: d?.advanceBlockers ?? ['no check has run yet'],
      needsApproval: phase.requiresApproval,
      held: state.status === 'held',
      terminal,
      ready,
      openBlockers: [...(input.openBlockers ?? d?.openBlockers ?? ['no check has run yet'])],
      preflightBlockers: ready && input.preflight ? [...input.preflight.blockers] : [],
      rollingBack: state.status === 'rolling-back',
      bound: { phaseIndex: state.phaseIndex, status: state.status, weight: state.weight },
      nextWeight,
      confirmQuit: meta.mode === 'LIVE' && !terminal && !input.readOnly,
      replay: input.replay && !terminal ? input.replay : null,
      weightUnknown: input.weightUnknown ?? false,
      readOnly: input.readOnly ?? null,
      postsTo: input.postsTo ?? null,
    },
  };
}

/** Loudest line on the screen: the IC asked for 0% and the load balancer has not said so. */
function rollbackBanner(pending: ViewInput['unconfirmedRollback'], now: number): string | null {
  if (!pending) return null;
  return `ROLLBACK NOT CONFIRMED for ${formatDuration(now - pending.since)}: ${pending.detail}; retrying at every check until the load balancer reads back 0%`;
}

function sourceBanner(health: SourceHealth | undefined, now: number): string | null {
  if (!health || health.unreachableSince === null) return null;
  const last = health.lastSampleAt === null ? 'no data received yet' : `panels show the last good values, greyed, ${formatDuration(now - health.lastSampleAt)} old`;
  return `DATA SOURCE UNREACHABLE for ${formatDuration(now - health.unreachableSince)}: ${last}; advancing is blocked`;
}

function triggerModels(d: Decisions | null, now: number): TriggerModel[] {
  return (d?.triggers ?? []).map((t): TriggerModel => {
    const s = t.state;
    const elapsedMs = s.state === 'breaching' ? now - s.since : s.state === 'fired' ? t.def.forMs : 0;
    const note = s.state === 'fired' ? `FIRED ${new Date(s.at).toISOString().slice(11, 16)}`
      : s.state === 'breaching' ? `fires in ${formatDuration(Math.max(0, t.def.forMs - elapsedMs))}`
      : t.problem ?? 'armed';
    return {
      id: t.def.id, label: t.def.label, state: s.state, value: formatValue(t.value, t.def.unit),
      threshold: `${t.def.breachWhen === 'above' ? '>' : '<'} ${formatValue(t.def.threshold, t.def.unit).replace(/^\+/, '')}`,
      elapsedMs: Math.min(elapsedMs, t.def.forMs), windowMs: t.def.forMs,
      checks: s.state === 'breaching' ? s.checks : 0, checksNeeded: t.def.consecutiveChecks, note,
    };
  });
}

/** "REHEARSAL ×60", "RETROSPECTIVE ×120 · PAUSED", "REHEARSAL → next event": the mode, and what the replay clock is doing. */
function modeText(mode: string, speed: number | null, replay: ReplayState | undefined): string {
  if (mode === 'LIVE' || !speed) return mode;
  if (replay?.rushing) return `${mode} → next event`;
  return `${mode} ×${speed}${replay?.paused ? ' · PAUSED' : ''}`;
}

/** A failing synthetic monitor is an anomaly on screen through the window (pre-flight keeps it running). */
function monitorAnomaly(preflight: PreflightView | null | undefined): string[] {
  const failing = preflight?.monitor.filter((m) => !m.ok) ?? [];
  return failing.length ? [`synthetic monitor: ${failing.map((m) => `${m.name} ${m.result}`).join('; ')}`] : [];
}
