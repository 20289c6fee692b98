/**
 * Phase rules: the window a policy starts with, and why it may not leave its
 * phase yet. The transitions themselves are the state machine's
 * (window-machine.ts); the types are re-exported here for the many readers
 * that only need the shape of a window.
 */
import { formatDuration } from './format.js';
import type { GateResult } from './gates.js';
import type { Policy } from './policy.js';
import type { WindowState, WindowStatus } from './window-machine.js';

export { isTerminal, type WindowState, type WindowStatus } from './window-machine.js';

/**
 * A window before anything moved. A live window starts `ready` at the weight
 * the load balancer reads back; a drill starts `running` at phase 1's weight
 * once its dry-run adapter confirmed it.
 */
export function initialWindow(policy: Policy, now: number, status: WindowStatus = 'running', weight = policy.phases[0]!.weight): WindowState {
  return { status, phaseIndex: 0, phaseStartedAt: now, weight, triggers: {}, lastReportAt: null };
}

export const isLastPhase = (policy: Policy, s: WindowState): boolean => s.phaseIndex === policy.phases.length - 1;

/**
 * Why the window may not leave its phase now; empty means it may. The
 * directive: minimum time served and every gate GREEN (UNKNOWN and YELLOW block).
 */
export function advanceBlockers(policy: Policy, s: WindowState, gates: GateResult[], now: number): string[] {
  if (s.status === 'rolled-back' || s.status === 'promoted') return [`window is ${s.status}`];
  const blockers: string[] = [];
  if (s.status === 'ready') blockers.push('window is not open yet');
  if (s.status === 'held') blockers.push('window is on hold');
  if (s.status === 'rolling-back') blockers.push('a rollback is in progress');
  const phase = policy.phases[s.phaseIndex]!;
  // The last phase counts its time since the window was last unstable (stable-timer.ts).
  const served = now - (s.stableSince ?? s.phaseStartedAt);
  if (served < phase.minDurationMs) {
    const what = s.stableSince === undefined ? 'minimum time not served' : `not yet stable long enough at ${phase.weight}%`;
    blockers.push(`${what} (${formatDuration(served)} of ${formatDuration(phase.minDurationMs)})`);
  }
  for (const g of gates) if (g.status !== 'GREEN') blockers.push(`${g.status}: ${g.reason}`);
  return blockers;
}
