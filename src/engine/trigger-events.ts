/** Trigger transitions worth telling: a breach starts, a breach clears, a trigger fires. */
import type { TriggerRow } from '../../rules/evaluate.js';
import { formatDuration, formatValue } from '../../rules/format.js';
import type { TriggerState } from '../../rules/triggers.js';
import type { EngineEvent } from './events.js';

export function triggerEvents(before: Record<string, TriggerState>, rows: TriggerRow[], at: string): EngineEvent[] {
  const out: EngineEvent[] = [];
  for (const row of rows) {
    const prev = before[row.def.id]?.state ?? 'armed';
    const next = row.state;
    if (prev === next.state) continue;
    const value = row.value;
    const shown = `${row.def.label} ${formatValue(value, row.def.unit)}`;
    const limit = formatValue(row.def.threshold, row.def.unit).replace(/^\+/, '');
    const reason =
      next.state === 'fired' ? next.reason
      : next.state === 'breaching' ? `${shown} breaches ${limit}; fires after ${formatDuration(row.def.forMs)} and ${row.def.consecutiveChecks} check(s)`
      : `${shown} recovered; trigger re-armed`;
    out.push({ type: 'trigger', at, id: row.def.id, state: next.state, value, reason });
  }
  return out;
}
