/**
 * The read-only snapshot every face (TUI, headless, report) reads. Faces
 * never reach into the engine: what they show comes from here, frozen, so
 * nothing on screen can change the window or disagree with the audit.
 */
import type { Lifecycle } from '../../rules/lifecycle.js';
import type { PreflightView } from '../preflight/preflight-host.js';
import type { Decisions } from '../../rules/evaluate.js';
import type { WindowState } from '../../rules/phases.js';
import { seriesKey, type Snapshot, type Track } from '../../rules/types.js';
import type { SeriesStore } from '../store/series-store.js';
import type { SourceHealth } from './source-health.js';
import type { ReportedAction } from '../report/report-verdict.js';

/** The load balancer's weight as last read while the window was READY. */
export interface WeightReadBack {
  ok: boolean;
  weight: number | null;
  detail: string;
  at: number;
}

/** A rollback asked for and not read back yet, from the state alone. */
export function unconfirmedOf(state: WindowState): { since: number; detail: string } | null {
  return state.status === 'rolling-back' && state.rollback ? { since: state.rollback.since, detail: state.rollback.detail } : null;
}

export interface EngineView {
  readonly state: WindowState;
  readonly decisions: Decisions | null;
  readonly health: SourceHealth;
  readonly snapshot: Snapshot;
  readonly readBack: WeightReadBack | null;
  /** A rollback asked for and not read back yet. */
  readonly unconfirmedRollback: { since: number; detail: string } | null;
  /** P95 (journey "all") since the phase began, oldest first, for the chart. */
  readonly p95: { readonly canary: readonly number[]; readonly control: readonly number[] };
  /** What opening a READY window still needs (data, the weight read back); empty when it may open. */
  readonly openBlockers: readonly string[];
  /** The load balancer's weight could not be read back. */
  readonly weightUnknown: boolean;
  /** The release around the window, when the config plans it: pre-flight and the lifecycle stage. */
  readonly preflight: PreflightView | null;
  readonly lifecycle: Lifecycle | null;
  /** The window's recent actions, oldest first, for the report's "since the last report". */
  readonly actions: readonly ReportedAction[];
  readonly now: number;
}

export function viewOf(parts: { state: WindowState; decisions: Decisions | null; health: SourceHealth; readBack: WeightReadBack | null; store: SeriesStore; now: number; openBlockers: readonly string[]; weightUnknown: boolean; preflight?: PreflightView; lifecycle?: Lifecycle; actions?: readonly ReportedAction[] }): EngineView {
  const { state, store } = parts;
  const since = (track: Track) => store.history(seriesKey('latency_p95', track, 'all')).filter((p) => p.at >= state.phaseStartedAt).map((p) => p.value);
  return Object.freeze({
    state: parts.state,
    decisions: parts.decisions,
    health: parts.health,
    snapshot: store.snapshot(),
    readBack: parts.readBack,
    unconfirmedRollback: unconfirmedOf(state),
    p95: { canary: since('canary'), control: since('control') },
    openBlockers: parts.openBlockers,
    weightUnknown: parts.weightUnknown,
    preflight: parts.preflight ?? null,
    lifecycle: parts.lifecycle ?? null,
    actions: parts.actions ?? [],
    now: parts.now,
  });
}
