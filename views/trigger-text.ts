/**
 * A trigger row as a condition, not a claim about the value: "fires > 120 ms
 * for 10m · now 100.6 ms". Printed as "100.6 ms > 120 ms" it read as a false
 * statement. The words match rules/triggers.ts fireCondition, which the gate
 * reasons use, built here from the view model's already formatted parts.
 */
import { formatDuration } from '../rules/format.js';
import type { TriggerModel } from './view-model.js';

/** "fires > 120 ms for 10m"; without the window ("fires > 120 ms") where room is short. A zero window has none. */
export function fireText(t: Pick<TriggerModel, 'threshold' | 'windowMs'>, withWindow = true): string {
  return `fires ${t.threshold}${withWindow && t.windowMs > 0 ? ` for ${formatDuration(t.windowMs)}` : ''}`;
}

/** "now 100.6 ms": the value is today's reading, not the line it fires at. */
export const nowText = (t: Pick<TriggerModel, 'value'>): string => `now ${t.value}`;
