/**
 * The window as one explicit state machine. Pure: no clock, no I/O.
 *
 *   ready ──open──► running(phase N) ⇄ held
 *                     │ advance (traffic moves, read back) → running(N+1), or promoted after the last phase
 *                     └ rollback ──► rolling-back ──0% read back──► rolled-back (final)
 *
 * The shell (src/engine) turns every command, the IC's and its own, into a
 * `plan` against the state *at the moment it runs*, carries out a move on the
 * load balancer, and feeds the answer to `afterMove`. Guards live here, so a
 * key press queued behind a rollback is refused by the same code that
 * decides everything else, and nothing after a confirmed rollback moves traffic.
 */
import type { GateResult } from './gates.js';
import { advanceBlockers } from './phases.js';
import type { Policy } from './policy.js';
import type { TriggerState } from './triggers.js';

export type WindowStatus = 'ready' | 'running' | 'held' | 'rolling-back' | 'rolled-back' | 'promoted';

export interface WindowState {
  status: WindowStatus;
  phaseIndex: number;
  phaseStartedAt: number;
  /** Canary weight the load balancer last read back, percent. */
  weight: number;
  triggers: Record<string, TriggerState>;
  lastReportAt: number | null;
  /** Why the window is held, for the header and the report. */
  holdReason?: string;
  /** At the last phase: since when the window has been stable (stable-timer.ts); promotion needs its minimum time of that. */
  stableSince?: number;
  /** GA: when the window was promoted; the post-success checklist and the 24-hour freeze count from it. */
  promotedAt?: number;
  /** A rollback asked for and not yet read back: retried at every check until 0% is. */
  rollback?: { since: number; operator: string; reason: string; detail: string };
}

/** The state a command was asked for; a command whose window has moved since is refused. */
export interface Bound {
  phaseIndex: number;
  status: WindowStatus;
  weight: number;
}

export type WindowCommand =
  | { type: 'open'; operator: string; reason: string; override?: string; bound?: Bound }
  | { type: 'advance'; operator: string; override?: string; approvedBy?: string; bound?: Bound }
  | { type: 'hold'; operator: string; reason: string; bound?: Bound }
  | { type: 'resume'; operator: string; reason: string; bound?: Bound }
  | { type: 'rollback'; operator: string; reason: string; bound?: Bound };

/** What the shell knows at the moment a command runs. */
export interface Facts {
  now: number;
  /** The latest check's gates; null before any check. */
  gates: GateResult[] | null;
  /** Why the window cannot see: the source is down, or no gated KPI has data. Blocks advancing, even with an override. */
  blind: string[];
  /** Why the window may not open yet (no data on a gated KPI, the load balancer's weight not read back). */
  openBlockers: string[];
  /** The load balancer's weight could not be read: a READY window's 0% is then a guess, and a rollback is allowed. */
  weightUnknown?: boolean;
  /** Why pre-flight is NO-GO (items not GREEN, T-0 not reached); an open needs an override reason while any is. */
  preflight?: string[];
  /** The roster's CEO, when there is a roster: a gate review records whether the CEO was the one who approved. */
  ceo?: string;
}

export type Plan =
  | { kind: 'refuse'; why: string }
  /** A transition that moves no traffic (hold, resume, promotion after the last phase). */
  | { kind: 'record'; next: WindowState; reason: string }
  /** Traffic moves to `target`; `during` is committed before the load balancer is asked. */
  | { kind: 'move'; target: number; during: WindowState | null; reason: string };

export const isTerminal = (s: WindowState): boolean => s.status === 'rolled-back' || s.status === 'promoted';

export const boundOf = (s: WindowState): Bound => ({ phaseIndex: s.phaseIndex, status: s.status, weight: s.weight });

const describe = (b: Bound): string => `${b.status} phase ${b.phaseIndex + 1} at ${b.weight}%`;

export function plan(policy: Policy, s: WindowState, c: WindowCommand, f: Facts): Plan {
  const refuse = (why: string): Plan => ({ kind: 'refuse', why });
  if (isTerminal(s)) return refuse(`window is ${s.status}`);
  const now = boundOf(s);
  if (c.bound && (c.bound.phaseIndex !== now.phaseIndex || c.bound.status !== now.status || c.bound.weight !== now.weight)) {
    return refuse(`the window changed since this was asked (was ${describe(c.bound)}, now ${describe(now)})`);
  }
  switch (c.type) {
    case 'rollback': {
      if (s.status === 'ready' && s.weight === 0 && !f.weightUnknown) return refuse('window is not open: the canary is at 0%');
      const rollback = { since: s.rollback?.since ?? f.now, operator: c.operator, reason: c.reason, detail: s.rollback?.detail ?? 'asked; waiting for the load balancer' };
      return { kind: 'move', target: 0, during: { ...s, status: 'rolling-back', rollback }, reason: c.reason };
    }
    case 'open': {
      if (s.status !== 'ready') return refuse(`window is ${s.status}, not ready`);
      if (f.openBlockers.length) return refuse(`cannot open yet: ${f.openBlockers.join('; ')}`);
      // The T-1h gate: NO-GO until every pre-flight item is GREEN; the IC may go anyway with a typed reason, audited.
      const override = c.override?.trim();
      if (f.preflight?.length && !override) return refuse(`pre-flight is NO-GO: ${f.preflight.join('; ')} (open with an override reason to go anyway)`);
      const reason = f.preflight?.length ? `OVERRIDE: ${override} (pre-flight NO-GO: ${f.preflight.join('; ')})` : c.reason;
      return { kind: 'move', target: policy.phases[0]!.weight, during: null, reason };
    }
    case 'hold':
      return s.status === 'running' ? { kind: 'record', next: { ...s, status: 'held', holdReason: c.reason }, reason: c.reason } : refuse(`window is ${s.status}`);
    case 'resume':
      if (s.status !== 'held') return refuse(`window is ${s.status}`);
      return { kind: 'record', next: withoutHold({ ...s, status: 'running' }), reason: c.reason };
    case 'advance':
      return planAdvance(policy, s, c, f);
  }
}

function planAdvance(policy: Policy, s: WindowState, c: Extract<WindowCommand, { type: 'advance' }>, f: Facts): Plan {
  if (s.status !== 'running') return { kind: 'refuse', why: `window is ${s.status}${s.status === 'held' ? ': resume first' : ''}` };
  // Advancing blind is never allowed, not even with an override.
  if (f.blind.length) return { kind: 'refuse', why: f.blind.join('; ') };
  // Nor from a weight the phase did not set (changed behind canary-tui's back): its minimum time was served at another exposure.
  const current = policy.phases[s.phaseIndex]!;
  if (s.weight !== current.weight) {
    return { kind: 'refuse', why: `the load balancer reads ${s.weight}% but phase ${s.phaseIndex + 1} is ${current.weight}%: roll back, or put the weight back to ${current.weight}% (the next check reads it)` };
  }
  const blockers = f.gates ? advanceBlockers(policy, s, f.gates, f.now) : ['no check has run yet'];
  const override = c.override?.trim();
  if (blockers.length && !override) return { kind: 'refuse', why: blockers.join('; ') };
  const phase = policy.phases[s.phaseIndex]!;
  const approvedBy = c.approvedBy?.trim();
  if (phase.requiresApproval && !approvedBy) return { kind: 'refuse', why: `leaving ${phase.weight}% needs a recorded gate review (who approved?)` };
  const reason = [
    override ? `OVERRIDE: ${override} (blocked by: ${blockers.join('; ')})` : 'all gates GREEN, minimum time served',
    approvedBy ? `gate review approved by ${approvedBy}${f.ceo ? (approvedBy.toLowerCase().includes(f.ceo.toLowerCase()) ? ' (the CEO joined)' : `; the CEO (${f.ceo}) is not recorded as joining`) : ''}` : '',
  ].filter(Boolean).join('; ');
  if (s.phaseIndex === policy.phases.length - 1) return { kind: 'record', next: { ...s, status: 'promoted', promotedAt: f.now }, reason };
  return { kind: 'move', target: policy.phases[s.phaseIndex + 1]!.weight, during: null, reason };
}

/** What the load balancer said about a move. `weight` is what it read back, when it could. */
export interface MoveAnswer {
  ok: boolean;
  weight: number | null;
  detail: string;
}

/**
 * The state after the load balancer answered a move. Only a confirmed answer
 * changes the phase; a rollback that is not confirmed stays rolling back; a
 * failed move that left the load balancer somewhere else holds the window
 * at the weight read back.
 */
export function afterMove(policy: Policy, s: WindowState, c: WindowCommand, answer: MoveAnswer, now: number): WindowState {
  if (c.type === 'rollback') {
    if (answer.ok) return withoutHold({ ...s, status: 'rolled-back', weight: 0, rollback: undefined });
    return { ...s, status: 'rolling-back', rollback: { ...(s.rollback ?? { since: now, operator: c.operator, reason: c.reason }), detail: answer.detail } };
  }
  if (answer.ok && c.type === 'open') return withoutHold({ ...s, status: 'running', phaseIndex: 0, phaseStartedAt: now, weight: policy.phases[0]!.weight });
  if (answer.ok) {
    const phaseIndex = s.phaseIndex + 1;
    return { ...s, status: 'running', phaseIndex, phaseStartedAt: now, weight: policy.phases[phaseIndex]!.weight };
  }
  if (answer.weight === null || answer.weight === s.weight) return s;
  if (s.status === 'ready') return { ...s, weight: answer.weight };
  return { ...s, status: 'held', weight: answer.weight, holdReason: `the load balancer reads ${answer.weight}% after a failed move: ${answer.detail}` };
}

function withoutHold(s: WindowState): WindowState {
  const { holdReason: _dropped, ...rest } = s;
  return rest;
}
