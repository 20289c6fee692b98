/**
 * One gate against one reading, and the words for it. The reason reads as a
 * true statement of value against limit ("140.6 ms > limit 120 ms"), so the
 * screen can print it after the value without restating the limit.
 */
import { formatValue } from './format.js';
import type { Direction, GateDef, GateResult } from './gates.js';
import type { MeasureContext } from './measures.js';

/** Does `value` pass `threshold` in `direction`? Exactly at the threshold passes. */
export function passes(value: number, threshold: number, direction: Direction): boolean {
  if (direction === 'max') return value <= threshold;
  if (direction === 'min') return value >= threshold;
  return Math.abs(value) <= threshold;
}

/** The comparison that holds on the passing side, and on the failing side. */
const SYMBOL: Record<Direction, [ok: string, bad: string]> = {
  max: ['≤', '>'],
  min: ['≥', '<'],
  abs: ['within', 'outside'],
};

/** "5%" for a size, "±5%" for a two-sided limit, "-5%" for a floor below control. */
function limitText(value: number, def: GateDef): string {
  const text = formatValue(value, def.unit).replace(/^\+/, '');
  return def.direction === 'abs' ? `±${text}` : text;
}

export function evaluateGate(def: GateDef, ctx: MeasureContext): GateResult {
  const reading = def.measure(ctx);
  const { threshold, warn } = def.limit;
  const base = { id: def.id, label: def.label, group: def.group, threshold, unit: def.unit };
  if (reading.value === null) {
    return { ...base, status: 'UNKNOWN', value: null, reason: `${def.label}: UNKNOWN, ${reading.problem}` };
  }
  const value = reading.value;
  const shown = `${def.label} ${formatValue(value, def.unit)}`;
  const [ok, bad] = SYMBOL[def.direction];
  if (!passes(value, threshold, def.direction)) {
    return { ...base, status: 'RED', value, reason: `${shown} ${bad} limit ${limitText(threshold, def)}` };
  }
  const passing = `${shown} ${ok} limit ${limitText(threshold, def)}`;
  // The directive's own YELLOW comes first: it cites a trigger that will act.
  const y = def.yellowFrom;
  if (y && !passes(value, y.threshold, def.direction)) {
    return { ...base, status: 'YELLOW', value, reason: `${passing} but ${bad} ${limitText(y.threshold, def)} ${y.label}` };
  }
  if (warn !== undefined && !passes(value, warn, def.direction)) {
    const band = `${bad} ${limitText(warn, def)} warning band`;
    if (def.warnBandsBlock) return { ...base, status: 'YELLOW', value, reason: `${passing} but ${band}`, nearLimit: `near limit: ${band}` };
    return { ...base, status: 'GREEN', value, reason: `${passing}, near limit (${band})`, nearLimit: `near limit: ${band}` };
  }
  return { ...base, status: 'GREEN', value, reason: passing };
}
