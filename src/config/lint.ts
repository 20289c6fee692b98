/**
 * Lints find policies that are valid but contradict themselves. The directive
 * has one: a P95 of 125 ms passes the 130 ms gate at 5% and 25% yet fires the
 * 120 ms rollback trigger after 10 minutes. We show it, never silently pick one.
 */
import { formatDuration } from '../../rules/format.js';
import type { Policy } from '../../rules/policy.js';

export interface Lint {
  path: string;
  message: string;
}

export function lintPolicy(policy: Policy): Lint[] {
  const lints: Lint[] = [];
  const trigger = policy.triggers.latencyP95;
  policy.phases.forEach((phase, i) => {
    if (trigger.thresholdMs < phase.p95GateMs) {
      lints.push({
        path: `phases[${i}].p95GateMs`,
        message:
          `phase ${i + 1} (${phase.weight}%): the P95 gate ${phase.p95GateMs} ms is looser than the rollback trigger ` +
          `${trigger.thresholdMs} ms; a journey between them passes the gate but rolls back after ` +
          `${formatDuration(trigger.forMs)}. The screen shows such a gate YELLOW.`,
      });
    }
  });
  if (policy.staleAfterMs < policy.checkIntervalMs) {
    lints.push({
      path: 'staleAfter',
      message: `staleAfter ${formatDuration(policy.staleAfterMs)} is shorter than checkInterval ${formatDuration(policy.checkIntervalMs)}: every reading would be stale between checks`,
    });
  }
  return lints;
}
