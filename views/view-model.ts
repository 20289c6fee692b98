/**
 * What the screen shows, as plain data. Built by a pure function from the
 * engine's state, its decisions and the time; the components only print it.
 */
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

export interface EventModel {
  at: string;
  text: string;
  tone: 'info' | 'warn' | 'error';
}

export interface ViewModel {
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
    nextReportIn: string;
    adapter: string;
  };
  latency: { gateMs: number; rows: LatencyRowModel[] };
  gates: GateModel[];
  triggers: TriggerModel[];
  anomalies: string[];
  events: EventModel[];
  /** Red banner over everything else: the data source is down, values are the last good ones. */
  banner: string | null;
  /** Standing notes such as the gate/trigger overlap of this phase. */
  notices: string[];
  /** The last thing the app wants the IC to notice (copy result, refused action). */
  flash: { text: string; tone: 'info' | 'warn' | 'error' } | null;
  actions: {
    canAdvance: boolean;
    advanceBlockers: string[];
    needsApproval: boolean;
    held: boolean;
    terminal: boolean;
  };
}
