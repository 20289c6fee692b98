/**
 * "After ≥ 2 hours stable at 100%" (directive section 7). At the last phase
 * the clock that counts is not the time since 100% was reached but the time
 * since the window was last unstable: a RED or UNKNOWN gate, or a trigger
 * breaching or fired, starts it again from that check, and says why.
 */
import type { GateResult } from './gates.js';
import type { Policy } from './policy.js';
import type { TriggerState } from './triggers.js';
import type { WindowState } from './window-machine.js';

export interface StableTimer {
  since: number;
  /** Set on the check that restarted the timer. */
  resetBy?: string;
}

export const isLastPhase = (policy: Policy, s: WindowState): boolean => s.phaseIndex === policy.phases.length - 1 && (s.status === 'running' || s.status === 'held');

/** The stable timer after this check; null before the last phase. */
export function nextStableTimer(
  policy: Policy, s: WindowState, gates: readonly GateResult[], triggers: ReadonlyArray<{ def: { id: string }; state: TriggerState }>, now: number,
): StableTimer | null {
  if (!isLastPhase(policy, s)) return null;
  const bad = gates.find((g) => g.status === 'RED' || g.status === 'UNKNOWN');
  const restless = triggers.find((t) => t.state.state !== 'armed');
  const resetBy = bad ? `${bad.status} ${bad.id}` : restless ? `trigger ${restless.def.id} ${restless.state.state}` : undefined;
  if (resetBy) return { since: now, resetBy };
  return { since: s.stableSince ?? s.phaseStartedAt };
}
