/**
 * Top anomalies: the largest canary-against-control deviations, normalised by
 * how much room the threshold leaves, so 5 ms of latency and 0.1% of errors
 * compare fairly. Only deviations in the bad direction count.
 */
import { formatValue } from './format.js';
import type { GateDef } from './gates.js';
import { read, type MeasureContext } from './measures.js';

export interface Anomaly {
  gateId: string;
  label: string;
  /** Share of the room to the threshold the canary's deviation uses; ≥ 1 means past it. */
  score: number;
  text: string;
}

/** Deviations using less than this share of the room are noise, not anomalies. */
const MIN_SCORE = 0.2;

export function topAnomalies(defs: GateDef[], ctx: MeasureContext, count = 3): Anomaly[] {
  const found: Anomaly[] = [];
  for (const def of defs) {
    const a = anomalyOf(def, ctx);
    if (a && a.score >= MIN_SCORE) found.push(a);
  }
  return found.sort((x, y) => y.score - x.score || x.gateId.localeCompare(y.gateId)).slice(0, count);
}

function anomalyOf(def: GateDef, ctx: MeasureContext): Anomaly | null {
  const threshold = def.limit.threshold;
  if (def.relative) {
    const r = def.measure(ctx);
    if (r.value === null) return null;
    // How far toward the limit the delta went: a floor below control ('min', a funnel at -5%) counts downward.
    const bad = def.direction === 'abs' ? Math.abs(r.value) : def.direction === 'min' ? -r.value : r.value;
    if (bad <= 0) return null;
    const room = def.direction === 'min' ? -threshold : threshold;
    // Only a two-sided limit is "±": a funnel is limited one way, and keeps its sign.
    const limit = `${def.direction === 'abs' ? '±' : ''}${formatValue(threshold, def.unit).replace(/^\+/, '')}`;
    return make(def, room > 0 ? bad / room : Number.POSITIVE_INFINITY, `${def.label} ${formatValue(r.value, def.unit)} (limit ${limit})`);
  }
  const c = read(ctx, def.kpi, 'canary', def.journey);
  const k = read(ctx, def.kpi, 'control', def.journey);
  if (c.value === null || k.value === null) return null;
  // Positive when canary is worse than control, in the gate's units.
  const worse = def.direction === 'min' ? k.value - c.value : c.value - k.value;
  if (worse <= 0) return null;
  const room = def.direction === 'min' ? k.value - threshold : threshold - k.value;
  const score = room > 0 ? worse / room : Number.POSITIVE_INFINITY;
  const text = `${def.label} ${formatValue(c.value, def.unit)} vs control ${formatValue(k.value, def.unit)} (gate ${formatValue(threshold, def.unit)})`;
  return make(def, score, text);
}

const make = (def: GateDef, score: number, text: string): Anomaly => ({ gateId: def.id, label: def.label, score, text });
