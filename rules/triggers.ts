/**
 * Automatic hold/rollback triggers ("no debate"). Each trigger is a condition
 * that must hold for a sustained window *and* a number of consecutive checks.
 * State moves armed → breaching → fired, and a healthy check resets it.
 * Missing data never fires a trigger and never resets one: the state is kept
 * and the row says the data is missing.
 */
import { formatDuration, formatValue, type Unit } from './format.js';
import { canary, deltaVsControl, ratioVsControl, type Measure, type MeasureContext } from './measures.js';
import type { Policy, TriggerWindow } from './policy.js';
import { OVERALL } from './types.js';

export type TriggerFamily = 'latency' | 'errors' | 'payments' | 'infra' | 'economics';

export interface TriggerDef extends TriggerWindow {
  id: string;
  family: TriggerFamily;
  label: string;
  measure: Measure;
  /** 'above': fires when value > threshold; 'below': when value < threshold. */
  breachWhen: 'above' | 'below';
  threshold: number;
  unit: Unit;
}

export type TriggerState =
  | { state: 'armed' }
  | { state: 'breaching'; since: number; checks: number; value: number }
  | { state: 'fired'; at: number; value: number; reason: string };

export const ARMED: TriggerState = { state: 'armed' };

/** Every trigger row of the policy: the P95 one per critical journey, the others once. */
export function triggerDefs(policy: Policy): TriggerDef[] {
  const t = policy.triggers;
  const critical = policy.journeys.filter((j) => j.critical).map((j) => j.name);
  return [
    ...critical.map((j): TriggerDef => ({
      id: `p95:${j}`, family: 'latency', label: `P95 ${j}`, measure: canary('latency_p95', j),
      breachWhen: 'above', threshold: t.latencyP95.thresholdMs, unit: 'ms', ...window(t.latencyP95),
    })),
    { id: 'errors:5xx', family: 'errors', label: '5xx rate', measure: canary('error_5xx_rate'), breachWhen: 'above', threshold: t.errorRate.threshold, unit: 'pct', ...window(t.errorRate) },
    { id: 'errors:js', family: 'errors', label: 'Client JS errors', measure: canary('error_js_rate'), breachWhen: 'above', threshold: t.errorRate.threshold, unit: 'pct', ...window(t.errorRate) },
    { id: 'errors:budget', family: 'errors', label: 'Error budget burn', measure: canary('error_budget_burn'), breachWhen: 'above', threshold: t.errorBudgetBurn.threshold, unit: 'pct', ...window(t.errorBudgetBurn) },
    { id: 'payments:e2e', family: 'payments', label: 'Payments E2E', measure: canary('payments_e2e_success'), breachWhen: 'below', threshold: t.paymentsSuccess.threshold, unit: 'pct', ...window(t.paymentsSuccess) },
    { id: 'payments:refund-void', family: 'payments', label: 'Refund/void vs control', measure: ratioVsControl('refund_void_rate', OVERALL, t.refundVoidRatio.controlFloor), breachWhen: 'above', threshold: t.refundVoidRatio.threshold, unit: 'x', ...window(t.refundVoidRatio) },
    { id: 'infra:cache', family: 'infra', label: 'Cache hit', measure: canary('cache_hit'), breachWhen: 'below', threshold: t.cacheHit.threshold, unit: 'pct', ...window(t.cacheHit) },
    { id: 'infra:db', family: 'infra', label: 'DB saturation', measure: canary('db_pool_saturation'), breachWhen: 'above', threshold: t.dbSaturation.threshold, unit: 'pct', ...window(t.dbSaturation) },
    { id: 'econ:cost-per-user', family: 'economics', label: 'Cost/user vs control', measure: deltaVsControl('cost_per_user'), breachWhen: 'above', threshold: t.costPerUserDelta.threshold, unit: 'delta', ...window(t.costPerUserDelta) },
    { id: 'econ:markup', family: 'economics', label: 'AI markup', measure: canary('markup'), breachWhen: 'below', threshold: t.markup.threshold, unit: 'x', ...window(t.markup) },
  ];
}

const window = (w: TriggerWindow): TriggerWindow => ({ forMs: w.forMs, consecutiveChecks: w.consecutiveChecks });

/**
 * What makes the trigger fire, as a condition rather than a claim about the
 * value: "fires > 120 ms for 10m". A zero window fires at once: no "for 0s".
 */
export function fireCondition(def: Pick<TriggerDef, 'breachWhen' | 'threshold' | 'unit' | 'forMs'>): string {
  const limit = formatValue(def.threshold, def.unit).replace(/^\+/, '');
  return `fires ${def.breachWhen === 'above' ? '>' : '<'} ${limit}${def.forMs > 0 ? ` for ${formatDuration(def.forMs)}` : ''}`;
}

export function isBreach(def: TriggerDef, value: number): boolean {
  return def.breachWhen === 'above' ? value > def.threshold : value < def.threshold;
}

/** One check of one trigger. Pure: the previous state, this check's reading context and the time in. */
export function stepTrigger(def: TriggerDef, prev: TriggerState, ctx: MeasureContext): TriggerState {
  if (prev.state === 'fired') return prev;
  const reading = def.measure(ctx);
  if (reading.value === null) return prev;
  if (!isBreach(def, reading.value)) return ARMED;
  const since = prev.state === 'breaching' ? prev.since : ctx.now;
  const checks = prev.state === 'breaching' ? prev.checks + 1 : 1;
  const elapsed = ctx.now - since;
  if (elapsed >= def.forMs && checks >= def.consecutiveChecks) {
    const sign = def.breachWhen === 'above' ? '>' : '<';
    const shown = formatValue(reading.value, def.unit);
    const limit = formatValue(def.threshold, def.unit).replace(/^\+/, '');
    const held = def.forMs > 0 ? ` for ${formatDuration(elapsed)} across ${checks} checks` : '';
    return { state: 'fired', at: ctx.now, value: reading.value, reason: `${def.label} ${shown} ${sign} ${limit}${held}` };
  }
  return { state: 'breaching', since, checks, value: reading.value };
}

/** Time left before a breaching trigger may fire (the consecutive-check rule may add a check more). */
export function remainingMs(def: TriggerDef, s: TriggerState, now: number): number | null {
  if (s.state !== 'breaching') return null;
  return Math.max(0, def.forMs - (now - s.since));
}
