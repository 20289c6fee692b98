/**
 * The rollout's state machine. A window runs through the policy's phases;
 * it may be held (weight frozen), rolled back (weight 0, terminal) or promoted
 * (the last phase served stable, terminal). Transitions are pure.
 */
import { formatDuration } from './format.js';
import type { GateResult } from './gates.js';
import type { Policy } from './policy.js';
import type { TriggerState } from './triggers.js';

export type WindowStatus = 'running' | 'held' | 'rolled-back' | 'promoted';

export interface WindowState {
  status: WindowStatus;
  phaseIndex: number;
  phaseStartedAt: number;
  /** Canary weight the load balancer was last confirmed at, percent. */
  weight: number;
  triggers: Record<string, TriggerState>;
  lastReportAt: number | null;
}

export function initialWindow(policy: Policy, now: number): WindowState {
  return {
    status: 'running',
    phaseIndex: 0,
    phaseStartedAt: now,
    weight: policy.phases[0]!.weight,
    triggers: {},
    lastReportAt: null,
  };
}

export const isTerminal = (s: WindowState): boolean => s.status === 'rolled-back' || s.status === 'promoted';

export const isLastPhase = (policy: Policy, s: WindowState): boolean => s.phaseIndex === policy.phases.length - 1;

/**
 * Why the window may not leave its phase now; empty means it may. The
 * directive: minimum time served and every gate GREEN (UNKNOWN and YELLOW block).
 */
export function advanceBlockers(policy: Policy, s: WindowState, gates: GateResult[], now: number): string[] {
  if (isTerminal(s)) return [`window is ${s.status}`];
  const blockers: string[] = [];
  if (s.status === 'held') blockers.push('window is on hold');
  const phase = policy.phases[s.phaseIndex]!;
  const served = now - s.phaseStartedAt;
  if (served < phase.minDurationMs) {
    blockers.push(`minimum time not served (${formatDuration(served)} of ${formatDuration(phase.minDurationMs)})`);
  }
  for (const g of gates) if (g.status !== 'GREEN') blockers.push(`${g.status}: ${g.reason}`);
  return blockers;
}

/**
 * The next phase, or promotion when the last one is left. Breach timers carry
 * over: a breach that began at 25% is still a breach at 50%.
 */
export function advance(policy: Policy, s: WindowState, now: number): WindowState {
  if (isLastPhase(policy, s)) return { ...s, status: 'promoted' };
  const phaseIndex = s.phaseIndex + 1;
  return {
    ...s,
    status: 'running',
    phaseIndex,
    phaseStartedAt: now,
    weight: policy.phases[phaseIndex]!.weight,
  };
}

export function hold(s: WindowState): WindowState {
  return s.status === 'running' ? { ...s, status: 'held' } : s;
}

export function resume(s: WindowState): WindowState {
  return s.status === 'held' ? { ...s, status: 'running' } : s;
}

export function rollback(s: WindowState): WindowState {
  return { ...s, status: 'rolled-back', weight: 0 };
}
