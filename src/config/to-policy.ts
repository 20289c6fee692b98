/**
 * Turns validated user config into the Policy the rules run on: every field
 * the user left out keeps the directive's default.
 */
import { DEFAULT_POLICY, type Limit, type Policy, type TriggerWindow } from '../../rules/policy.js';
import type { UserConfig } from './schema.js';

type LimitInput = number | { threshold: number; warn?: number | undefined };

/** A bare number is the threshold alone; a warn band exists only where the team wrote one. */
function toLimit(input: LimitInput | undefined, fallback: Limit): Limit {
  if (input === undefined) return fallback;
  if (typeof input === 'number') return { threshold: input };
  return input.warn === undefined ? { threshold: input.threshold } : { threshold: input.threshold, warn: input.warn };
}

function toWindow<T extends TriggerWindow & { threshold?: number; thresholdMs?: number }>(
  input: { threshold?: number | undefined; thresholdMs?: number | undefined; for?: number | undefined; consecutiveChecks?: number | undefined } | undefined,
  fallback: T,
): T {
  if (!input) return fallback;
  const out: T = { ...fallback };
  if (input.threshold !== undefined) out.threshold = input.threshold;
  if (input.thresholdMs !== undefined) out.thresholdMs = input.thresholdMs;
  if (input.for !== undefined) out.forMs = input.for;
  if (input.consecutiveChecks !== undefined) out.consecutiveChecks = input.consecutiveChecks;
  return out;
}

export function toPolicy(config: UserConfig): Policy {
  const d = DEFAULT_POLICY;
  const g = config.gates ?? {};
  const t = config.triggers ?? {};
  const checkIntervalMs = config.checkInterval ?? d.checkIntervalMs;
  return {
    phases: config.phases
      ? config.phases.map((p) => ({ weight: p.weight, minDurationMs: p.minDuration, p95GateMs: p.p95GateMs, requiresApproval: p.requiresApproval }))
      : d.phases,
    journeys: config.journeys ?? d.journeys,
    gates: {
      errorRateMax: toLimit(g.errorRateMax, d.gates.errorRateMax),
      paymentsSuccessMin: toLimit(g.paymentsSuccessMin, d.gates.paymentsSuccessMin),
      cacheHitMin: toLimit(g.cacheHitMin, d.gates.cacheHitMin),
      dbSaturationMax: toLimit(g.dbSaturationMax, d.gates.dbSaturationMax),
      costPerUserDeltaMax: toLimit(g.costPerUserDeltaMax, d.gates.costPerUserDeltaMax),
      markupMin: toLimit(g.markupMin, d.gates.markupMin),
      funnelDropMax: {
        b2c: toLimit(g.funnelDropMax?.b2c, d.gates.funnelDropMax.b2c),
        b2b: toLimit(g.funnelDropMax?.b2b, d.gates.funnelDropMax.b2b),
      },
      warnBandsBlock: g.warnBandsBlock ?? d.gates.warnBandsBlock,
    },
    triggers: {
      latencyP95: toWindow(t.latencyP95, d.triggers.latencyP95),
      errorRate: toWindow(t.errorRate, d.triggers.errorRate),
      errorBudgetBurn: toWindow(t.errorBudgetBurn, d.triggers.errorBudgetBurn),
      paymentsSuccess: toWindow(t.paymentsSuccess, d.triggers.paymentsSuccess),
      refundVoidRatio: {
        ...toWindow(t.refundVoidRatio, d.triggers.refundVoidRatio),
        controlFloor: t.refundVoidRatio?.controlFloor ?? d.triggers.refundVoidRatio.controlFloor,
      },
      cacheHit: toWindow(t.cacheHit, d.triggers.cacheHit),
      dbSaturation: toWindow(t.dbSaturation, d.triggers.dbSaturation),
      costPerUserDelta: toWindow(t.costPerUserDelta, d.triggers.costPerUserDelta),
      markup: toWindow(t.markup, d.triggers.markup),
    },
    checkIntervalMs,
    // Two missed checks make a reading stale, unless the team says otherwise.
    staleAfterMs: config.staleAfter ?? 2 * checkIntervalMs,
    reportEveryMs: config.reportEvery ?? d.reportEveryMs,
    ceoMarginDeviation: config.ceoMarginDeviation ?? d.ceoMarginDeviation,
    paymentCaps: { ...d.paymentCaps, ...config.paymentCaps },
    costReconcileTolerance: config.costReconcileTolerance ?? d.costReconcileTolerance,
    noDataHoldAfterMs: config.noDataHoldAfter ?? d.noDataHoldAfterMs,
    changeFreezeMs: config.changeFreeze ?? d.changeFreezeMs,
    minCanaryRequests: config.minCanaryRequests ?? d.minCanaryRequests,
    autoAdvance: config.autoAdvance ?? d.autoAdvance,
    onTrigger: config.onTrigger ?? d.onTrigger,
  };
}

/**
 * Layers `over` on `base`: objects merge one level deep, arrays and scalars
 * replace. `adapter` replaces whole: its keys depend on its type, and a
 * drill's dry-run fields must not leak into the user's haproxy config.
 */
export function mergeConfigs(base: UserConfig, over: UserConfig): UserConfig {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    out[key] = key !== 'adapter' && isPlainObject(prev) && isPlainObject(value) ? { ...prev, ...value } : value;
  }
  return out as UserConfig;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
