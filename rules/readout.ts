/**
 * Canary beside control for every KPI the directive reports, read from one
 * snapshot. The screen and the Slack report both print this, so they can
 * never disagree about a number.
 */
import { read, settle, type MeasureContext } from './measures.js';
import type { Policy } from './policy.js';
import { OVERALL, type KpiId } from './types.js';

export interface Pair {
  canary: number | null;
  control: number | null;
  /** (canary − control) / control, null when either side is missing or control is 0. */
  delta: number | null;
}

export interface LatencyRow {
  journey: string;
  critical: boolean;
  p50: Pair;
  p95: Pair;
  p99: Pair;
}

export interface Readout {
  latency: LatencyRow[];
  errors: { fiveXx: Pair; js: Pair; budgetBurn: Pair };
  payments: { e2e: Pair; refundVoid: Pair; txCount: number | null; usdTotal: number | null; maxTxUsd: number | null };
  infra: { cacheHit: Pair; dbSaturation: Pair };
  economics: { costPerUser: Pair; costPerRequest: Pair; margin: Pair; markup: Pair };
  funnels: { b2c: Pair; b2b: Pair };
}

export function pair(ctx: MeasureContext, kpi: KpiId, journey = OVERALL): Pair {
  return pairOf(read(ctx, kpi, 'canary', journey).value, read(ctx, kpi, 'control', journey).value);
}

/** Two values and their delta; also used by the screen when it shows last-good values. */
export function pairOf(canary: number | null, control: number | null): Pair {
  // Settled like the measures, so 38.8% against 40% is exactly 3% and not 3.0000000000000027%.
  const delta = canary !== null && control !== null && control !== 0 ? settle((canary - control) / control) : null;
  return { canary, control, delta };
}

export function buildReadout(policy: Policy, ctx: MeasureContext): Readout {
  const journeys = [{ name: OVERALL, critical: true }, ...policy.journeys];
  const canaryOnly = (kpi: KpiId) => read(ctx, kpi, 'canary').value;
  return {
    latency: journeys.map((j) => ({
      journey: j.name,
      critical: j.critical,
      p50: pair(ctx, 'latency_p50', j.name),
      p95: pair(ctx, 'latency_p95', j.name),
      p99: pair(ctx, 'latency_p99', j.name),
    })),
    errors: { fiveXx: pair(ctx, 'error_5xx_rate'), js: pair(ctx, 'error_js_rate'), budgetBurn: pair(ctx, 'error_budget_burn') },
    payments: {
      e2e: pair(ctx, 'payments_e2e_success'),
      refundVoid: pair(ctx, 'refund_void_rate'),
      txCount: canaryOnly('payments_tx_count'),
      usdTotal: canaryOnly('payments_usd_total'),
      maxTxUsd: canaryOnly('payments_max_tx_usd'),
    },
    infra: { cacheHit: pair(ctx, 'cache_hit'), dbSaturation: pair(ctx, 'db_pool_saturation') },
    economics: {
      costPerUser: pair(ctx, 'cost_per_user'),
      costPerRequest: pair(ctx, 'cost_per_request'),
      margin: pair(ctx, 'margin'),
      markup: pair(ctx, 'markup'),
    },
    funnels: { b2c: pair(ctx, 'funnel_b2c_conversion'), b2b: pair(ctx, 'funnel_b2b_conversion') },
  };
}

/** Why the CEO is tagged: any YELLOW/RED status, or margin deviating beyond the policy's share. */
export function ceoTagReasons(policy: Policy, status: string, readout: Readout): string[] {
  const reasons: string[] = [];
  if (status === 'YELLOW' || status === 'RED') reasons.push(`status ${status}`);
  // No data is no reassurance: the directive tags on YELLOW, and UNKNOWN is at least as bad.
  if (status === 'UNKNOWN') reasons.push('status UNKNOWN: no usable data on a gated KPI');
  const d = readout.economics.margin.delta;
  if (d !== null && Math.abs(d) > policy.ceoMarginDeviation) {
    reasons.push(`margin deviates ${(d * 100).toFixed(1)}% from control (limit ±${(policy.ceoMarginDeviation * 100).toFixed(0)}%)`);
  }
  return reasons;
}
