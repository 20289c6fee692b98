/**
 * Real inputs for buildViewModel: a snapshot of canary/control values, the
 * default policy, a window in phase 1 and decisions from the real rules, so
 * the builder tests read like the screen would during a window.
 */
import { evaluate, type Decisions } from '../../rules/evaluate.js';
import { initialWindow, type WindowState } from '../../rules/phases.js';
import { DEFAULT_POLICY, type Policy } from '../../rules/policy.js';
import { OVERALL, seriesKey, type KpiId, type Sample, type Snapshot } from '../../rules/types.js';
import type { WindowMeta } from '../../src/engine/window-meta.js';
import { buildViewModel, type ViewInput } from '../../views/build-view-model.js';
import type { ViewModel } from '../../views/view-model.js';

export const NOW = Date.parse('2026-11-20T04:40:00Z');
export const PHASE_START = NOW - 40 * 60_000;

/** [canary, control] per KPI; canary-only KPIs (the payment counts) take one number. */
export type Values = Partial<Record<KpiId, [number, number] | number>>;

export const HEALTHY: Values = {
  latency_p50: [61, 60], latency_p95: [104, 101], latency_p99: [180, 176],
  error_5xx_rate: [0.0012, 0.001], error_js_rate: [0.0008, 0.0007], error_budget_burn: [0.011, 0.009],
  payments_e2e_success: [0.9982, 0.9985], refund_void_rate: [0.0042, 0.004],
  payments_tx_count: 37, payments_usd_total: 412, payments_max_tx_usd: 18.4,
  cache_hit: [0.914, 0.91], db_pool_saturation: [0.52, 0.5],
  cost_per_user: [0.412, 0.407], cost_per_request: [0.0021, 0.0021], margin: [0.4, 0.4], markup: [4.61, 4.58],
  funnel_b2c_conversion: [0.0319, 0.032], funnel_b2b_conversion: [0.011, 0.011],
};

const JOURNEYS = [OVERALL, 'checkout', 'search', 'organic-landing'];

export function snapshotOf(values: Values, at = NOW - 12_000): Snapshot {
  const latest = new Map<string, Sample>();
  const put = (kpi: KpiId, track: 'canary' | 'control', journey: string, value: number) =>
    latest.set(seriesKey(kpi, track, journey), { kpi, track, journey, value, at });
  for (const [kpi, v] of Object.entries(values) as [KpiId, [number, number] | number][]) {
    const journeys = kpi.startsWith('latency_') ? JOURNEYS : [OVERALL];
    for (const j of journeys) {
      if (typeof v === 'number') put(kpi, 'canary', j, v);
      else {
        put(kpi, 'canary', j, v[0]);
        put(kpi, 'control', j, v[1]);
      }
    }
  }
  return { latest };
}

export const META: WindowMeta = {
  release: { tag: 'v20261120.1', commit: '3f9c2ab', service: 'checkout-api', region: 'us-west-2', channel: '#ship-room', ceoHandle: '<@U0CEO>' },
  mode: 'REHEARSAL', speed: 60, operator: 'alice', sourceName: 'fixture test', endsAt: null,
};

export interface ModelOptions {
  values?: Values;
  snapshot?: Snapshot;
  policy?: Policy;
  state?: WindowState;
  /** Replaces the rules' decisions, to show the view relays rather than decides; null: no check yet. */
  decisions?: (d: Decisions) => Decisions | null;
  history?: ViewInput['history'];
  now?: number;
  /** Shell inputs such as an unconfirmed rollback or read-only mode. */
  extra?: Partial<ViewInput>;
}

/** The view model the screen would get for these values, decided by the real rules. */
export function modelOf(opts: ModelOptions = {}): ViewModel {
  const policy = opts.policy ?? DEFAULT_POLICY;
  const now = opts.now ?? NOW;
  const state = opts.state ?? initialWindow(policy, PHASE_START);
  const snapshot = opts.snapshot ?? snapshotOf({ ...HEALTHY, ...opts.values });
  const decided = evaluate(policy, snapshot, state, now);
  const decisions = opts.decisions ? opts.decisions(decided) : decided;
  return buildViewModel({
    meta: META, policy, state, decisions, snapshot, events: [], adapter: 'dry-run', flash: null, now,
    ...(opts.history ? { history: opts.history } : {}),
    ...opts.extra,
  });
}
