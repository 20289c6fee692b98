/**
 * One check's decisions: gates, trigger steps, overall status and the
 * recommendation. Pure: (policy, snapshot, window state, now) in, verdicts out.
 */
import { topAnomalies, type Anomaly } from './anomalies.js';
import { evaluateGate, gatesForPhase, type GateResult } from './gates.js';
import type { MeasureContext } from './measures.js';
import { withBreachingTriggers } from './gate-triggers.js';
import { openBlockers } from './open-guard.js';
import { advanceBlockers, type WindowState } from './phases.js';
import { nextStableTimer, type StableTimer } from './stable-timer.js';
import type { Policy } from './policy.js';
import { ARMED, remainingMs, stepTrigger, triggerDefs, type TriggerDef, type TriggerState } from './triggers.js';
import type { Snapshot, Status } from './types.js';

export type Recommendation = 'GO' | 'NO-GO' | 'HOLD' | 'ROLLBACK';

export interface TriggerRow {
  def: TriggerDef;
  state: TriggerState;
  /** Current value, null when the data is missing (the state is then kept, never fired). */
  value: number | null;
  problem?: string;
  remainingMs: number | null;
}

export interface Decisions {
  at: number;
  gates: GateResult[];
  triggers: TriggerRow[];
  status: Status;
  recommendation: Recommendation;
  /** Why the recommendation is what it is, one line. */
  because: string;
  advanceBlockers: string[];
  /** What the data lacks before a live window may open (open-guard.ts); empty when it may. */
  openBlockers: string[];
  /** True when no gated KPI has usable data: advancing then is refused, even with an override. */
  blind: boolean;
  anomalies: Anomaly[];
  /** At the last phase, how long the window has been stable and what last restarted the count (stable-timer.ts). */
  stable: StableTimer | null;
}

const RANK: Record<Status, number> = { GREEN: 0, YELLOW: 1, UNKNOWN: 2, RED: 3 };

export function worstStatus(statuses: Status[]): Status {
  return statuses.reduce<Status>((w, s) => (RANK[s] > RANK[w] ? s : w), 'GREEN');
}

export function evaluate(policy: Policy, snapshot: Snapshot, state: WindowState, now: number): Decisions {
  const ctx: MeasureContext = { snapshot, now, staleAfterMs: policy.staleAfterMs, minCanaryRequests: policy.minCanaryRequests };
  const phase = policy.phases[state.phaseIndex]!;
  const gateDefs = gatesForPhase(policy, phase);
  let gates = gateDefs.map((d) => evaluateGate(d, ctx));
  const triggers = triggerDefs(policy).map((def): TriggerRow => {
    const next = stepTrigger(def, state.triggers[def.id] ?? ARMED, ctx);
    const reading = def.measure(ctx);
    return { def, state: next, value: reading.value, problem: reading.problem, remainingMs: remainingMs(def, next, now) };
  });
  // The directive's second YELLOW: a passing gate whose trigger is breaching (gate-triggers.ts).
  gates = withBreachingTriggers(gates, triggers);
  const fired = triggers.filter((t) => t.state.state === 'fired');
  const breaching = triggers.filter((t) => t.state.state === 'breaching');
  const triggerStatus: Status = fired.length ? 'RED' : breaching.length ? 'YELLOW' : 'GREEN';
  const status = worstStatus([...gates.map((g) => g.status), triggerStatus]);
  const { recommendation, because } = recommend(state, gates, fired, breaching);
  const stable = nextStableTimer(policy, state, gates, triggers, now);
  return {
    at: now,
    gates,
    triggers,
    status,
    recommendation,
    because,
    advanceBlockers: advanceBlockers(policy, stable ? { ...state, stableSince: stable.since } : state, gates, now),
    // A fired trigger says the canary is bad before any traffic reached it: opening would only roll back.
    openBlockers: [...openBlockers(gateDefs, { ...ctx, minCanaryRequests: 0 }), ...fired.map((t) => `trigger ${t.def.id} has fired: ${t.state.state === 'fired' ? t.state.reason : t.def.label}`)],
    blind: gates.every((g) => g.status === 'UNKNOWN'),
    anomalies: topAnomalies(gateDefs, ctx),
    stable,
  };
}

/** The new trigger states to carry into the next check. */
export function triggerStates(d: Decisions): Record<string, TriggerState> {
  return Object.fromEntries(d.triggers.map((t) => [t.def.id, t.state]));
}

function recommend(
  state: WindowState,
  gates: GateResult[],
  fired: TriggerRow[],
  breaching: TriggerRow[],
): { recommendation: Recommendation; because: string } {
  if (state.status === 'rolled-back') return { recommendation: 'ROLLBACK', because: 'window rolled back' };
  if (fired.length) {
    const f = fired[0]!.state;
    return { recommendation: 'ROLLBACK', because: `trigger fired: ${f.state === 'fired' ? f.reason : fired[0]!.def.label}` };
  }
  if (breaching.length) {
    return { recommendation: 'HOLD', because: `trigger breaching: ${breaching.map((t) => t.def.label).join(', ')}` };
  }
  const unknown = gates.filter((g) => g.status === 'UNKNOWN');
  if (unknown.length) return { recommendation: 'HOLD', because: `no usable data: ${unknown.map((g) => g.label).join(', ')}` };
  const failing = gates.filter((g) => g.status === 'RED' || g.status === 'YELLOW');
  if (failing.length) return { recommendation: 'NO-GO', because: failing.map((g) => g.reason).join('; ') };
  return { recommendation: 'GO', because: 'all gates GREEN, no trigger breaching' };
}

/**
 * The verdict to show now. An action between checks (the IC rolls back)
 * changes the window before the next check does, and the screen and the
 * report must not keep saying GO for a window that is already at 0%.
 */
export function currentVerdict(state: WindowState, d: Decisions | null): { recommendation: Recommendation; because: string } {
  if (state.status === 'rolled-back') return { recommendation: 'ROLLBACK', because: `rolled back at ${state.weight}%; ${d?.because ?? ''}`.replace(/; $/, '') };
  if (state.status === 'promoted') return { recommendation: 'GO', because: 'promoted: 100% served its stable time' };
  if (state.status === 'rolling-back') return { recommendation: 'ROLLBACK', because: `rolling back, not yet confirmed: ${state.rollback?.detail ?? 'waiting for the load balancer'}` };
  if (state.status === 'ready') {
    const needs = d ? d.openBlockers : ['no check has run yet'];
    return { recommendation: 'HOLD', because: needs.length ? `READY at ${state.weight}%, not open: ${needs.join('; ')}` : `READY at ${state.weight}%: the IC opens the window` };
  }
  if (state.status === 'held') return { recommendation: 'HOLD', because: `held: ${state.holdReason ?? 'by the IC'}${d && d.recommendation !== 'GO' ? `; ${d.because}` : ''}` };
  if (!d) return { recommendation: 'HOLD', because: 'no check has run yet' };
  return { recommendation: d.recommendation, because: d.because };
}
