/**
 * What the screen shows, as plain data. Built by a pure function from the
 * engine's state, its decisions and the time; the components only print it.
 */
import type { PostKind } from '../src/comms/release-posts.js';
import type { ReleaseModel } from './release-model.js';
import type { Recommendation } from '../rules/evaluate.js';
import type { WindowStatus } from '../rules/phases.js';
import type { Status } from '../rules/types.js';

export interface PairText {
  canary: string;
  control: string;
}

export interface LatencyRowModel {
  journey: string;
  critical: boolean;
  p50: PairText;
  p95: PairText & { status: Status };
  p99: PairText;
  /** Some value on the row is the last good one, past the staleness limit: printed greyed. */
  stale: boolean;
}

export interface GateModel {
  id: string;
  label: string;
  status: Status;
  value: string;
  threshold: string;
  reason: string;
}

export interface TriggerModel {
  id: string;
  label: string;
  state: 'armed' | 'breaching' | 'fired';
  value: string;
  threshold: string;
  /** Breach time so far and the window it must last; 0/0 when armed. */
  elapsedMs: number;
  windowMs: number;
  checks: number;
  checksNeeded: number;
  /** "fires in 4m10s", "FIRED 04:55", "armed", or why the data is missing. */
  note: string;
}

/**
 * How a KPI row is judged, so the panel prints the right symbol: by its gate
 * (a Status), by the trigger that watches it (refund/void, budget burn), or not
 * at all (cost/request, margin are reported, never gated).
 */
export type RowMark =
  | { by: 'gate'; status: Status }
  /** null: no check has run yet, so the trigger's state is not known. */
  | { by: 'trigger'; state: TriggerModel['state'] | null }
  | { by: 'none' };

/** One KPI, canary beside control, as every KPI panel prints it. */
export interface MetricRowModel {
  id: string;
  label: string;
  canary: string;
  control: string;
  /** Canary against control where the relation says more than the two values ("+1.2%", "1.05x"); '' when not. */
  delta: string;
  /** The line it is held to, as printed: "≤ 0.5%", "≥ 99.5%", "±5%", "trigger > 2x". */
  limit: string;
  mark: RowMark;
  /** What a non-GREEN decision adds beyond the value ("stale (4m old)"); '' when nothing. */
  note: string;
  /** The values shown are the last good ones, past the staleness limit: printed greyed. */
  stale: boolean;
}

/** A pre-flight payment cap against the canary's live count. */
export interface CapModel {
  id: 'tx' | 'max-tx' | 'global';
  label: string;
  value: string;
  cap: string;
  /** value / cap; null when the count is unknown (shown as "?", never as within the cap). */
  share: number | null;
  /** warn from the near-cap share (80%), error once the cap is reached: caps are hard stops agreed before T-0. */
  tone: 'info' | 'warn' | 'error';
}

export interface EventModel {
  at: string;
  text: string;
  tone: 'info' | 'warn' | 'error';
}

/** What the replay clock is doing (VirtualClock): shown in the header, steered with space, + - and ]. */
export interface ReplayState {
  speed: number;
  paused: boolean;
  rushing: boolean;
}

export interface ViewModel {
  /** The #ship-room posts filled from the config and the window now (posts view, key t); null when the config has none to fill. */
  posts: { texts: Record<PostKind, string>; suggested: PostKind } | null;
  header: {
    title: string;
    mode: string;
    clock: string;
    phase: string;
    weight: number;
    windowStatus: WindowStatus;
    progress: { elapsedMs: number; requiredMs: number };
    status: Status;
    recommendation: Recommendation;
    because: string;
    /** When the next report is due, or that a due one is still out (late: YELLOW after five minutes). */
    report: { text: string; late: boolean };
    adapter: string;
    /** Age of the newest sample: "data 12s old", or "no data". */
    freshness: string;
    /** The newest sample is older than the policy's staleness limit: every reading is stale. */
    dataStale: boolean;
  };
  latency: { gateMs: number; rows: LatencyRowModel[] };
  /** Canary and control P95 (journey "all") since the phase started, and the phase's P95 gate. */
  chart: { canary: number[]; control: number[]; thresholdMs: number };
  errors: { fiveXx: MetricRowModel; js: MetricRowModel; budgetBurn: MetricRowModel };
  payments: { e2e: MetricRowModel; refundVoid: MetricRowModel; caps: CapModel[] };
  infra: { cacheHit: MetricRowModel; dbSaturation: MetricRowModel };
  economics: {
    costPerUser: MetricRowModel;
    costPerRequest: MetricRowModel;
    margin: MetricRowModel;
    markup: MetricRowModel;
    /** Why the CEO must be tagged on account of margin; null when margin is within the policy's deviation. */
    ceoTag: string | null;
    /** The line shown when there is no tag: "margin within ±3% of control", or that there is no margin data to say so. */
    marginNote?: string;
  };
  funnels: { b2c: MetricRowModel; b2b: MetricRowModel };
  gates: GateModel[];
  triggers: TriggerModel[];
  anomalies: string[];
  /** What the anomalies panel says when it lists none: no data is not "canary tracks control". */
  noAnomalies?: string;
  events: EventModel[];
  /** Red banner over everything else: the data source is down, values are the last good ones. */
  banner: string | null;
  /** Standing notes such as the gate/trigger overlap of this phase. */
  notices: string[];
  /** The release around the window (lifecycle stage, pre-flight); null when the config plans none. */
  release: ReleaseModel | null;
  /** The last thing the app wants the IC to notice (copy result, refused action). */
  flash: { text: string; tone: 'info' | 'warn' | 'error' } | null;
  actions: {
    canAdvance: boolean;
    advanceBlockers: string[];
    needsApproval: boolean;
    held: boolean;
    terminal: boolean;
    /** The window is READY: the IC opens it with a key; what opening still needs (empty: it may). */
    ready: boolean;
    openBlockers: string[];
    /** Why pre-flight is NO-GO: opening then asks an override reason. */
    preflightBlockers: string[];
    /** A rollback is under way: the engine retries it at every check, other rollout keys are gone. */
    rollingBack: boolean;
    /** The window a prompt is opened for; a prompt whose window moved closes and says why. */
    bound: { phaseIndex: number; status: WindowStatus; weight: number };
    /** Weight the next advance (or the open) sets; null from the last phase. */
    nextWeight: number | null;
    /** The load balancer's weight could not be read: READY's 0% is a guess, so rollback stays available. */
    weightUnknown: boolean;
    /** Quitting leaves a live canary where it is: ask first. */
    confirmQuit: boolean;
    /** Another instance drives: rollout keys are removed. */
    readOnly: string | null;
    /** The Slack channel `p` posts to; null without a slack section in the config. */
    postsTo: string | null;
    /** A replay the IC may pause, speed up or rush (not a live window, not a decided one). */
    replay: ReplayState | null;
  };
}
