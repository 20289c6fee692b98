/**
 * Shared vocabulary of the decision core. Everything here is plain data so that
 * rules stay pure: time always arrives as an argument (epoch milliseconds).
 */

/** Four-valued verdict. UNKNOWN (missing, stale or NaN data) is never GREEN. */
export type Status = 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';

export type Track = 'canary' | 'control';

/** Journey name used for values that are not split by journey. */
export const OVERALL = 'all';

/** The KPIs the directive gates or reports. Sources map their own metric names onto these. */
export const KPI_IDS = [
  'latency_p50', 'latency_p95', 'latency_p99',
  'error_5xx_rate', 'error_js_rate', 'error_budget_burn',
  'payments_e2e_success', 'refund_void_rate',
  'payments_tx_count', 'payments_usd_total', 'payments_max_tx_usd',
  'cache_hit', 'db_pool_saturation',
  'cost_per_user', 'cost_per_request', 'margin', 'markup', 'cost_telemetry_per_user',
  'funnel_b2c_conversion', 'funnel_b2b_conversion',
  'requests',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

/** One observed value. `at` is the sample's own time, which decides freshness. */
export interface Sample {
  kpi: KpiId;
  track: Track;
  journey: string;
  value: number;
  at: number;
}

/** The latest value of one series, or why there is none. */
export interface Reading {
  value: number | null;
  at: number | null;
  /** Set when value is null or unusable: "no data", "stale (4m old)", "NaN". */
  problem?: string;
}

/** What rules see of the store: latest samples by series key. */
export interface Snapshot {
  latest: ReadonlyMap<string, Sample>;
  /** Series held back from judgement, with why (this check has no newer value: source unreachable, read failed, or not in the answer). */
  withheld?: ReadonlyMap<string, string>;
}

export function seriesKey(kpi: KpiId, track: Track, journey: string = OVERALL): string {
  return `${kpi}|${track}|${journey}`;
}
