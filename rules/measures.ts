/**
 * Measures turn a snapshot into the one number a gate or trigger judges, with
 * freshness applied. A measure never invents a value: missing, stale or
 * non-finite input yields a Reading with `value: null` and the reason why.
 */
import { formatDuration } from './format.js';
import { OVERALL, seriesKey, type KpiId, type Reading, type Snapshot, type Track } from './types.js';

export interface MeasureContext {
  snapshot: Snapshot;
  now: number;
  staleAfterMs: number;
  /** Canary requests per check needed before canary readings count; 0 or unset: no guard. */
  minCanaryRequests?: number;
}

export type Measure = (ctx: MeasureContext) => Reading;

const missing = (problem: string, at: number | null = null): Reading => ({ value: null, at, problem });

/** The latest value of one series, UNKNOWN-able: no data, stale, NaN or ±Inf. */
export function read(ctx: MeasureContext, kpi: KpiId, track: Track, journey = OVERALL): Reading {
  const sample = ctx.snapshot.latest.get(seriesKey(kpi, track, journey));
  const where = journey === OVERALL ? `${kpi} ${track}` : `${kpi} ${track} ${journey}`;
  if (!sample) {
    const why = ctx.snapshot.withheld?.get(seriesKey(kpi, track, journey));
    return missing(why ? `${where}: ${why}` : `no data for ${where}`);
  }
  if (!Number.isFinite(sample.value)) return missing(`${where} is ${sample.value}`, sample.at);
  const age = ctx.now - sample.at;
  if (age > ctx.staleAfterMs) return missing(`${where} is stale (${formatDuration(age)} old)`, sample.at);
  if (track === 'canary' && kpi !== 'requests' && ctx.minCanaryRequests) {
    // A canary with too little traffic says nothing yet: UNKNOWN, never GREEN.
    const requests = read({ ...ctx, minCanaryRequests: 0 }, 'requests', 'canary');
    if (requests.value === null) return missing(`canary request count unknown (${requests.problem}), needed for the ${ctx.minCanaryRequests}-request guard`, sample.at);
    if (requests.value < ctx.minCanaryRequests) return missing(`too little canary traffic (${Math.round(requests.value)} < ${ctx.minCanaryRequests} requests)`, sample.at);
  }
  return { value: sample.value, at: sample.at };
}

/** Canary's own value. */
export const canary = (kpi: KpiId, journey = OVERALL): Measure => (ctx) => read(ctx, kpi, 'canary', journey);

/** Relative difference of canary against control: (canary − control) / control. */
export const deltaVsControl = (kpi: KpiId, journey = OVERALL): Measure => (ctx) =>
  combine(read(ctx, kpi, 'canary', journey), read(ctx, kpi, 'control', journey), (c, k) => (c - k) / k, kpi);

/** Relative drop of canary against control: (control − canary) / control; positive is worse. */
export const dropVsControl = (kpi: KpiId, journey = OVERALL): Measure => (ctx) =>
  combine(read(ctx, kpi, 'canary', journey), read(ctx, kpi, 'control', journey), (c, k) => (k - c) / k, kpi);

/** Relative drift of one KPI from another on the same track, e.g. cost telemetry against the billing estimate. */
export const driftBetween = (kpi: KpiId, reference: KpiId, track: Track = 'canary'): Measure => (ctx) =>
  combine(read(ctx, kpi, track), read(ctx, reference, track), (a, b) => (a - b) / b, reference);

/**
 * Canary divided by control, e.g. refund/void rate 2.4x control's. Control is
 * taken as at least `controlFloor`, so a quiet control (no refunds) still lets
 * a refunding canary show as the multiple of the floor it is.
 */
export const ratioVsControl = (kpi: KpiId, journey = OVERALL, controlFloor = 0): Measure => (ctx) => {
  const a = read(ctx, kpi, 'canary', journey);
  const b = read(ctx, kpi, 'control', journey);
  if (a.value === null) return a;
  if (b.value === null) return b;
  const ratio = ratioOverFloor(a.value, b.value, controlFloor);
  if (ratio === null) return missing(`${kpi} control is 0`, b.at);
  if (!Number.isFinite(ratio)) return missing(`${kpi} against a control of ${b.value} is not a finite comparison`, b.at);
  return { value: ratio, at: Math.min(a.at!, b.at!) };
};

/** Canary ÷ max(control, floor); 0 against 0 is no difference, anything else against 0 is incomparable (null). */
export function ratioOverFloor(canary: number, control: number, floor: number): number | null {
  const base = Math.max(control, floor);
  if (base === 0) return canary === 0 ? 0 : null;
  return settle(canary / base);
}

function combine(
  a: Reading,
  b: Reading,
  fn: (canaryValue: number, controlValue: number) => number,
  kpi: KpiId,
): Reading {
  if (a.value === null) return a;
  if (b.value === null) return b;
  if (b.value === 0) {
    // A zero control makes a relative comparison meaningless, not infinitely bad.
    return a.value === 0 ? { value: 0, at: Math.min(a.at!, b.at!) } : missing(`${kpi} control is 0`, b.at);
  }
  const value = settle(fn(a.value, b.value));
  // A control so close to zero that the ratio overflows says nothing either; Infinity must never pass a gate as GREEN.
  if (!Number.isFinite(value)) return missing(`${kpi} against a control of ${b.value} is not a finite comparison`, b.at);
  return { value, at: Math.min(a.at!, b.at!) };
}

/**
 * Subtraction leaves float noise: (2.10 − 2.00) / 2.00 is 0.050000000000000044,
 * which would turn a cost/user exactly 5% up RED ("+5% outside ±5%"). Twelve
 * significant digits keep every real difference and drop the noise.
 */
export const settle = (value: number): number => Number(value.toPrecision(12));
