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
  // The P95 trigger watches critical journeys only: without one there is no trigger to overlap.
  const watched = policy.journeys.some((j) => j.critical);
  policy.phases.forEach((phase, i) => {
    if (watched && trigger.thresholdMs < phase.p95GateMs) {
      lints.push({
        path: `phases[${i}].p95GateMs`,
        message:
          `phase ${i + 1} (${phase.weight}%): the P95 gate ${phase.p95GateMs} ms is looser than the rollback trigger ` +
          `${trigger.thresholdMs} ms; a critical journey between them passes the gate but rolls back after ` +
          `${formatDuration(trigger.forMs)}; the screen shows that journey’s P95 gate YELLOW (overall P95 has no trigger).`,
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

/** KPIs every gate needs; a live source without a query for one leaves that gate UNKNOWN forever. */
const GATED_KPIS = [
  'latency_p95', 'error_5xx_rate', 'error_js_rate', 'payments_e2e_success', 'cache_hit', 'db_pool_saturation',
  'cost_per_user', 'markup', 'funnel_b2c_conversion', 'funnel_b2b_conversion',
] as const;

/** Economics the billing source provides when one is configured. */
const BILLING_KPIS = new Set(['cost_per_user', 'cost_per_request', 'margin', 'markup']);

export function lintSource(queries: Partial<Record<string, string>>, hasBilling: boolean): Lint[] {
  return GATED_KPIS.filter((kpi) => !queries[kpi] && !(hasBilling && BILLING_KPIS.has(kpi))).map((kpi) => ({
    path: `source.queries.${kpi}`,
    message: `no query for ${kpi}: its gate stays UNKNOWN and the window can never advance without an override`,
  }));
}
