/**
 * The release directive as data. Every number here is a default that a team
 * overrides in its config; decision code never hard-codes a threshold.
 */
const MINUTE = 60_000;

export interface PhasePolicy {
  /** Canary share of traffic, percent. */
  weight: number;
  /** Minimum time in the phase before it may be left; for the last phase, the stable time before promotion. */
  minDurationMs: number;
  /** P95 latency gate for this phase, ms. */
  p95GateMs: number;
  /** Leaving this phase needs a recorded gate review (the CEO joins the 50% → 100% one). */
  requiresApproval: boolean;
}

export interface JourneyPolicy {
  name: string;
  /** Critical journeys are gated and carry the P95 rollback trigger; others are only shown. */
  critical: boolean;
}

/**
 * A threshold on one KPI. `warn` is a team's own warning band, never the
 * directive's: a passing value inside it is GREEN with a "near limit" hint,
 * and YELLOW only when the team sets `GatePolicy.warnBandsBlock`.
 */
export interface Limit {
  threshold: number;
  warn?: number;
}

export interface GatePolicy {
  errorRateMax: Limit;
  paymentsSuccessMin: Limit;
  cacheHitMin: Limit;
  dbSaturationMax: Limit;
  /** Relative cost/user difference canary vs control, either way. */
  costPerUserDeltaMax: Limit;
  markupMin: Limit;
  /** Largest relative drop of funnel conversion against control. */
  funnelDropMax: { b2c: Limit; b2b: Limit };
  /** A passing value inside a warn band turns YELLOW and blocks advancing; off by default (the directive names no bands). */
  warnBandsBlock: boolean;
}

export interface TriggerWindow {
  /** How long the condition must hold before the trigger fires. */
  forMs: number;
  /** Consecutive breaching checks needed as well. */
  consecutiveChecks: number;
}

export interface TriggerPolicy {
  latencyP95: TriggerWindow & { thresholdMs: number };
  errorRate: TriggerWindow & { threshold: number };
  errorBudgetBurn: TriggerWindow & { threshold: number };
  paymentsSuccess: TriggerWindow & { threshold: number };
  /**
   * Canary refund/void rate divided by control's. `controlFloor` is the least
   * control rate divided by: a control with no refunds at all would otherwise
   * make every canary refund pattern incomparable, so the trigger could never fire.
   */
  refundVoidRatio: TriggerWindow & { threshold: number; controlFloor: number };
  cacheHit: TriggerWindow & { threshold: number };
  dbSaturation: TriggerWindow & { threshold: number };
  costPerUserDelta: TriggerWindow & { threshold: number };
  markup: TriggerWindow & { threshold: number };
}

export interface Policy {
  phases: PhasePolicy[];
  journeys: JourneyPolicy[];
  gates: GatePolicy;
  triggers: TriggerPolicy;
  checkIntervalMs: number;
  /** A reading older than this is stale, and its gate UNKNOWN. */
  staleAfterMs: number;
  reportEveryMs: number;
  /** Margin deviation against control that tags the CEO in the report. */
  ceoMarginDeviation: number;
  /** Pre-flight payment caps for the canary: shown against the live counts, warned as they near. */
  paymentCaps: { maxTransactions: number; maxPerTxUsd: number; globalUsd: number };
  /** Largest drift of cost telemetry from the billing estimate; null when the team does not reconcile. */
  costReconcileTolerance: number | null;
  /** With no sample at all for this long, the engine holds the window (a trigger never fires on missing data). */
  noDataHoldAfterMs: number;
  /** "Maintain a 24-hour non-critical change freeze post-GA": how long, from the promotion. */
  changeFreezeMs: number;
  /** Canary requests per check below which canary readings are UNKNOWN: too little traffic to judge. 0 turns the guard off. */
  minCanaryRequests: number;
  autoAdvance: boolean;
  /** 'auto' rolls back the moment a trigger fires ("no debate"); 'prompt' asks the IC. */
  onTrigger: 'auto' | 'prompt';
}

const win = (minutes: number, consecutiveChecks = 1): TriggerWindow => ({
  forMs: minutes * MINUTE,
  consecutiveChecks,
});

/**
 * The directive's numbers, and nothing else: no warn bands, because the
 * directive names none and a band that turns a passing value YELLOW would hold
 * a phase the directive lets advance (a DB pool at 75% meets "≤ 80%").
 */
export const DEFAULT_POLICY: Policy = {
  phases: [
    { weight: 5, minDurationMs: 90 * MINUTE, p95GateMs: 130, requiresApproval: false },
    { weight: 25, minDurationMs: 60 * MINUTE, p95GateMs: 130, requiresApproval: false },
    { weight: 50, minDurationMs: 90 * MINUTE, p95GateMs: 120, requiresApproval: true },
    { weight: 100, minDurationMs: 120 * MINUTE, p95GateMs: 120, requiresApproval: false },
  ],
  journeys: [
    { name: 'checkout', critical: true },
    { name: 'search', critical: true },
    { name: 'organic-landing', critical: false },
  ],
  gates: {
    errorRateMax: { threshold: 0.005 },
    paymentsSuccessMin: { threshold: 0.995 },
    cacheHitMin: { threshold: 0.85 },
    dbSaturationMax: { threshold: 0.8 },
    costPerUserDeltaMax: { threshold: 0.05 },
    markupMin: { threshold: 4 },
    funnelDropMax: { b2c: { threshold: 0.05 }, b2b: { threshold: 0.05 } },
    warnBandsBlock: false,
  },
  triggers: {
    latencyP95: { thresholdMs: 120, ...win(10, 2) },
    errorRate: { threshold: 0.005, ...win(5) },
    errorBudgetBurn: { threshold: 0.05, ...win(0) },
    paymentsSuccess: { threshold: 0.995, ...win(5) },
    refundVoidRatio: { threshold: 2, controlFloor: 0.001, ...win(5) },
    cacheHit: { threshold: 0.85, ...win(10) },
    dbSaturation: { threshold: 0.8, ...win(10) },
    costPerUserDelta: { threshold: 0.05, ...win(15) },
    markup: { threshold: 4, ...win(15) },
  },
  checkIntervalMs: 30_000,
  staleAfterMs: 60_000,
  reportEveryMs: 15 * MINUTE,
  ceoMarginDeviation: 0.03,
  paymentCaps: { maxTransactions: 100, maxPerTxUsd: 20, globalUsd: 1500 },
  costReconcileTolerance: null,
  noDataHoldAfterMs: 5 * MINUTE,
  changeFreezeMs: 24 * 60 * MINUTE,
  minCanaryRequests: 0,
  autoAdvance: false,
  onTrigger: 'auto',
};
