/** Builders shared by the rules tests: snapshots from plain entries, contexts, and definitions by id. */
import { gatesForPhase, type GateDef } from '../../rules/gates.js';
import type { MeasureContext } from '../../rules/measures.js';
import { DEFAULT_POLICY, type Policy } from '../../rules/policy.js';
import { ARMED, stepTrigger, triggerDefs, type TriggerDef, type TriggerState } from '../../rules/triggers.js';
import { OVERALL, seriesKey, type KpiId, type Sample, type Snapshot, type Track } from '../../rules/types.js';

export const MINUTE = 60_000;
/** The check time every test measures from. */
export const NOW = Date.UTC(2026, 10, 20, 4, 0);

export interface Entry {
  kpi: KpiId;
  track: Track;
  journey?: string;
  value: number;
  /** Sample time; NOW when left out. */
  at?: number;
}

/** A snapshot of the given entries; a later entry for the same series replaces an earlier one. */
export function snapshot(entries: Entry[]): Snapshot {
  const latest = new Map<string, Sample>();
  for (const e of entries) {
    const journey = e.journey ?? OVERALL;
    latest.set(seriesKey(e.kpi, e.track, journey), { kpi: e.kpi, track: e.track, journey, value: e.value, at: e.at ?? NOW });
  }
  return { latest };
}

export function ctx(entries: Entry[], now = NOW, staleAfterMs = DEFAULT_POLICY.staleAfterMs): MeasureContext {
  return { snapshot: snapshot(entries), now, staleAfterMs };
}

/** The same value on canary and control. */
export const both = (kpi: KpiId, value: number, journey?: string): Entry[] => [
  { kpi, track: 'canary', journey, value },
  { kpi, track: 'control', journey, value },
];

export const canaryAt = (kpi: KpiId, value: number, at?: number, journey?: string): Entry => ({ kpi, track: 'canary', journey, value, at });

/** Every gated and triggered KPI, canary equal to control, all comfortably GREEN. */
export function healthy(): Entry[] {
  return [
    ...both('latency_p95', 100),
    ...both('latency_p95', 100, 'checkout'),
    ...both('latency_p95', 100, 'search'),
    ...both('error_5xx_rate', 0.001),
    ...both('error_js_rate', 0.001),
    ...both('error_budget_burn', 0.01),
    ...both('payments_e2e_success', 0.999),
    ...both('refund_void_rate', 0.01),
    ...both('cache_hit', 0.95),
    ...both('db_pool_saturation', 0.5),
    ...both('cost_per_user', 0.04),
    ...both('markup', 5),
    ...both('funnel_b2c_conversion', 0.1),
    ...both('funnel_b2b_conversion', 0.2),
  ];
}

/** The gate `id` as defined for phase `phaseIndex` (0-based) of `policy`. */
export function gateDef(id: string, phaseIndex = 0, policy: Policy = DEFAULT_POLICY): GateDef {
  const def = gatesForPhase(policy, policy.phases[phaseIndex]!).find((g) => g.id === id);
  if (!def) throw new Error(`no gate ${id}`);
  return def;
}

export function triggerDef(id: string, policy: Policy = DEFAULT_POLICY): TriggerDef {
  const def = triggerDefs(policy).find((t) => t.id === id);
  if (!def) throw new Error(`no trigger ${id}`);
  return def;
}

/** One trigger check: seconds after NOW, and the canary value then (null: no sample at all). */
export type Check = [seconds: number, value: number | null];

/** Runs `checks` through `def` from `start`, returning every state along the way. */
export function runTrigger(def: TriggerDef, kpi: KpiId, checks: Check[], journey?: string, start: TriggerState = ARMED): TriggerState[] {
  const states: TriggerState[] = [];
  let s = start;
  for (const [seconds, value] of checks) {
    const now = NOW + seconds * 1000;
    s = stepTrigger(def, s, ctx(value === null ? [] : [canaryAt(kpi, value, now, journey)], now));
    states.push(s);
  }
  return states;
}

export const last = <T>(xs: T[]): T => xs[xs.length - 1]!;
