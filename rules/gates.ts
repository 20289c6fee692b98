/**
 * Phase gates: what must be GREEN to advance. Definitions are built from the
 * policy for the current phase; evaluation is a pure function of a reading.
 */
import { formatValue, type Unit } from './format.js';
import { canary, deltaVsControl, driftBetween, dropVsControl, type Measure, type MeasureContext } from './measures.js';
import type { Limit, PhasePolicy, Policy } from './policy.js';
import { OVERALL, type KpiId, type Status } from './types.js';

/** `max`: value ≤ threshold passes; `min`: value ≥ threshold; `abs`: |value| ≤ threshold. */
export type Direction = 'max' | 'min' | 'abs';

export interface GateDef {
  id: string;
  label: string;
  group: 'latency' | 'errors' | 'payments' | 'infra' | 'economics' | 'funnels';
  /** The KPI and journey behind the measure, so anomalies can compare canary with control. */
  kpi: KpiId;
  journey: string;
  /** True when the measure is already canary-relative-to-control (a delta or a drop). */
  relative: boolean;
  measure: Measure;
  direction: Direction;
  limit: Limit;
  unit: Unit;
}

export interface GateResult {
  id: string;
  label: string;
  group: GateDef['group'];
  status: Status;
  value: number | null;
  threshold: number;
  unit: Unit;
  /** Value and threshold in words, e.g. "P95 checkout 131 ms > 130 ms". */
  reason: string;
}

/** The gates for one phase. A P95 gate looser than the rollback trigger warns from the trigger's threshold. */
export function gatesForPhase(policy: Policy, phase: PhasePolicy): GateDef[] {
  const g = policy.gates;
  const triggerMs = policy.triggers.latencyP95.thresholdMs;
  const p95Limit: Limit = {
    threshold: phase.p95GateMs,
    ...(triggerMs < phase.p95GateMs ? { warn: triggerMs, warnLabel: 'rollback trigger' } : {}),
  };
  const journeys = [OVERALL, ...policy.journeys.filter((j) => j.critical).map((j) => j.name)];
  return [
    ...journeys.map((j): GateDef => ({
      id: `p95:${j}`,
      label: j === OVERALL ? 'P95 overall' : `P95 ${j}`,
      group: 'latency',
      kpi: 'latency_p95',
      journey: j,
      relative: false,
      measure: canary('latency_p95', j),
      direction: 'max',
      limit: p95Limit,
      unit: 'ms',
    })),
    { id: 'errors:5xx', label: '5xx rate', group: 'errors', kpi: 'error_5xx_rate', journey: OVERALL, relative: false, measure: canary('error_5xx_rate'), direction: 'max', limit: g.errorRateMax, unit: 'pct' },
    { id: 'errors:js', label: 'Client JS errors', group: 'errors', kpi: 'error_js_rate', journey: OVERALL, relative: false, measure: canary('error_js_rate'), direction: 'max', limit: g.errorRateMax, unit: 'pct' },
    { id: 'payments:e2e', label: 'Payments E2E', group: 'payments', kpi: 'payments_e2e_success', journey: OVERALL, relative: false, measure: canary('payments_e2e_success'), direction: 'min', limit: g.paymentsSuccessMin, unit: 'pct' },
    { id: 'infra:cache', label: 'Cache hit', group: 'infra', kpi: 'cache_hit', journey: OVERALL, relative: false, measure: canary('cache_hit'), direction: 'min', limit: g.cacheHitMin, unit: 'pct' },
    { id: 'infra:db', label: 'DB pool saturation', group: 'infra', kpi: 'db_pool_saturation', journey: OVERALL, relative: false, measure: canary('db_pool_saturation'), direction: 'max', limit: g.dbSaturationMax, unit: 'pct' },
    { id: 'econ:cost-per-user', label: 'Cost/user vs control', group: 'economics', kpi: 'cost_per_user', journey: OVERALL, relative: true, measure: deltaVsControl('cost_per_user'), direction: 'abs', limit: g.costPerUserDeltaMax, unit: 'delta' },
    { id: 'econ:markup', label: 'AI markup', group: 'economics', kpi: 'markup', journey: OVERALL, relative: false, measure: canary('markup'), direction: 'min', limit: g.markupMin, unit: 'x' },
    { id: 'funnel:b2c', label: 'B2C funnel drop', group: 'funnels', kpi: 'funnel_b2c_conversion', journey: OVERALL, relative: true, measure: dropVsControl('funnel_b2c_conversion'), direction: 'max', limit: g.funnelDropMax.b2c, unit: 'delta' },
    { id: 'funnel:b2b', label: 'B2B funnel drop', group: 'funnels', kpi: 'funnel_b2b_conversion', journey: OVERALL, relative: true, measure: dropVsControl('funnel_b2b_conversion'), direction: 'max', limit: g.funnelDropMax.b2b, unit: 'delta' },
    ...(policy.costReconcileTolerance === null ? [] : [{
      id: 'econ:reconcile', label: 'Cost telemetry vs billing', group: 'economics' as const, kpi: 'cost_telemetry_per_user' as const, journey: OVERALL,
      relative: true, measure: driftBetween('cost_telemetry_per_user', 'cost_per_user'), direction: 'abs' as const,
      limit: { threshold: policy.costReconcileTolerance }, unit: 'delta' as const,
    }]),
  ];
}

/** Does `value` pass `threshold` in `direction`? Exactly at the threshold passes. */
export function passes(value: number, threshold: number, direction: Direction): boolean {
  if (direction === 'max') return value <= threshold;
  if (direction === 'min') return value >= threshold;
  return Math.abs(value) <= threshold;
}

const SYMBOL: Record<Direction, [string, string]> = {
  max: ['≤', '>'],
  min: ['≥', '<'],
  abs: ['within ±', 'outside ±'],
};

/** "≤ 130 ms", but "within ±5%": no space after the ± sign. */
const against = (symbol: string, limit: string): string => (symbol.endsWith('±') ? `${symbol}${limit}` : `${symbol} ${limit}`);

export function evaluateGate(def: GateDef, ctx: MeasureContext): GateResult {
  const reading = def.measure(ctx);
  const { threshold, warn, warnLabel = 'warning line' } = def.limit;
  const base = { id: def.id, label: def.label, group: def.group, threshold, unit: def.unit };
  const limitText = formatValue(threshold, def.unit).replace(/^\+/, '');
  if (reading.value === null) {
    return { ...base, status: 'UNKNOWN', value: null, reason: `${def.label}: UNKNOWN, ${reading.problem}` };
  }
  const shown = formatValue(reading.value, def.unit);
  const [ok, bad] = SYMBOL[def.direction];
  if (!passes(reading.value, threshold, def.direction)) {
    return { ...base, status: 'RED', value: reading.value, reason: `${def.label} ${shown} ${against(bad, limitText)}` };
  }
  if (warn !== undefined && !passes(reading.value, warn, def.direction)) {
    const warnText = formatValue(warn, def.unit).replace(/^\+/, '');
    return {
      ...base,
      status: 'YELLOW',
      value: reading.value,
      reason: `${def.label} ${shown} ${against(ok, limitText)} but ${against(bad, warnText)} ${warnLabel}`,
    };
  }
  return { ...base, status: 'GREEN', value: reading.value, reason: `${def.label} ${shown} ${against(ok, limitText)}` };
}
