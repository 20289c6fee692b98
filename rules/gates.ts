/**
 * Phase gates: what must be GREEN to advance. Definitions are built from the
 * policy for the current phase; evaluation (evaluate-gate.ts) is a pure
 * function of a reading.
 */
import { canary, deltaVsControl, driftBetween, type Measure } from './measures.js';
import type { Limit, PhasePolicy, Policy } from './policy.js';
import type { Unit } from './format.js';
import { OVERALL, type KpiId, type Status } from './types.js';

export { evaluateGate, passes } from './evaluate-gate.js';
export { withBreachingTriggers, type TriggerRowLike } from './gate-triggers.js';

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
  /** The directive's threshold, plus the team's own warn band if it set one. */
  limit: Limit;
  /**
   * Where the directive itself makes a passing value YELLOW: a critical
   * journey's P95 past its rollback trigger, which is stricter than the phase
   * gate at 5% and 25%. Absent everywhere else.
   */
  yellowFrom?: { threshold: number; label: string };
  /** The team's `gates.warnBandsBlock`: a value inside `limit.warn` is YELLOW, not GREEN near limit. */
  warnBandsBlock: boolean;
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
  /** Value and threshold in words, e.g. "P95 checkout 131 ms > limit 130 ms". */
  reason: string;
  /** Set when a passing value sits inside the team's warn band: "near limit: > 70% warning band". */
  nearLimit?: string;
}

/**
 * The gates for one phase. Only a critical journey has a P95 rollback trigger,
 * so only its P95 gate turns YELLOW past that trigger; overall P95 has none.
 */
export function gatesForPhase(policy: Policy, phase: PhasePolicy): GateDef[] {
  const g = policy.gates;
  const triggerMs = policy.triggers.latencyP95.thresholdMs;
  const p95Limit: Limit = { threshold: phase.p95GateMs };
  const journeys = [OVERALL, ...policy.journeys.filter((j) => j.critical).map((j) => j.name)];
  const base = { journey: OVERALL, warnBandsBlock: g.warnBandsBlock };
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
      ...(j !== OVERALL && triggerMs < phase.p95GateMs ? { yellowFrom: { threshold: triggerMs, label: 'rollback trigger' } } : {}),
      warnBandsBlock: g.warnBandsBlock,
      unit: 'ms',
    })),
    { id: 'errors:5xx', label: '5xx rate', group: 'errors', kpi: 'error_5xx_rate', ...base, relative: false, measure: canary('error_5xx_rate'), direction: 'max', limit: g.errorRateMax, unit: 'pct' },
    { id: 'errors:js', label: 'Client JS errors', group: 'errors', kpi: 'error_js_rate', ...base, relative: false, measure: canary('error_js_rate'), direction: 'max', limit: g.errorRateMax, unit: 'pct' },
    { id: 'payments:e2e', label: 'Payments E2E', group: 'payments', kpi: 'payments_e2e_success', ...base, relative: false, measure: canary('payments_e2e_success'), direction: 'min', limit: g.paymentsSuccessMin, unit: 'pct' },
    { id: 'infra:cache', label: 'Cache hit', group: 'infra', kpi: 'cache_hit', ...base, relative: false, measure: canary('cache_hit'), direction: 'min', limit: g.cacheHitMin, unit: 'pct' },
    { id: 'infra:db', label: 'DB pool saturation', group: 'infra', kpi: 'db_pool_saturation', ...base, relative: false, measure: canary('db_pool_saturation'), direction: 'max', limit: g.dbSaturationMax, unit: 'pct' },
    { id: 'econ:cost-per-user', label: 'Cost/user vs control', group: 'economics', kpi: 'cost_per_user', ...base, relative: true, measure: deltaVsControl('cost_per_user'), direction: 'abs', limit: g.costPerUserDeltaMax, unit: 'delta' },
    { id: 'econ:markup', label: 'AI markup', group: 'economics', kpi: 'markup', ...base, relative: false, measure: canary('markup'), direction: 'min', limit: g.markupMin, unit: 'x' },
    { id: 'funnel:b2c', label: 'B2C funnel Δ', group: 'funnels', kpi: 'funnel_b2c_conversion', ...base, relative: true, measure: deltaVsControl('funnel_b2c_conversion'), direction: 'min', limit: belowControl(g.funnelDropMax.b2c), unit: 'delta' },
    { id: 'funnel:b2b', label: 'B2B funnel Δ', group: 'funnels', kpi: 'funnel_b2b_conversion', ...base, relative: true, measure: deltaVsControl('funnel_b2b_conversion'), direction: 'min', limit: belowControl(g.funnelDropMax.b2b), unit: 'delta' },
    ...(policy.costReconcileTolerance === null ? [] : [{
      id: 'econ:reconcile', label: 'Cost telemetry vs billing', group: 'economics' as const, kpi: 'cost_telemetry_per_user' as const, ...base,
      relative: true, measure: driftBetween('cost_telemetry_per_user', 'cost_per_user'), direction: 'abs' as const,
      limit: { threshold: policy.costReconcileTolerance }, unit: 'delta' as const,
    }]),
  ];
}

/**
 * The config limits a funnel by its largest drop (5%); the gate judges the
 * same delta every panel shows, canary minus control over control, so a drop
 * of 5% is the floor -5% and a drop band of 3% the line -3%.
 */
function belowControl(drop: Limit): Limit {
  return drop.warn === undefined ? { threshold: -drop.threshold } : { threshold: -drop.threshold, warn: -drop.warn };
}
