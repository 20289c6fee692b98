/**
 * The directive's second YELLOW: "any KPI whose trigger is breaching". Gates
 * are judged from the reading alone; this turns a GREEN gate YELLOW while a
 * trigger on the same KPI breaches, so the gate row agrees with the trigger
 * row below it. Called by evaluate.ts once the trigger states are stepped.
 */
import { formatDuration } from './format.js';
import type { GateResult } from './gates.js';
import { fireCondition, type TriggerDef, type TriggerState } from './triggers.js';

/** What this needs of a trigger row (evaluate.ts's TriggerRow has it all). */
export interface TriggerRowLike {
  def: Pick<TriggerDef, 'id' | 'label' | 'breachWhen' | 'threshold' | 'unit' | 'forMs'>;
  state: TriggerState;
  remainingMs: number | null;
}

/**
 * Gates and triggers on the same KPI share an id ("infra:db", "p95:checkout"),
 * so the match is by id; a trigger without a gate (refund/void, budget burn)
 * changes nothing. Only GREEN turns YELLOW: RED and UNKNOWN already say more.
 */
export function withBreachingTriggers(gates: GateResult[], rows: readonly TriggerRowLike[]): GateResult[] {
  const breaching = new Map(rows.filter((r) => r.state.state === 'breaching').map((r) => [r.def.id, r]));
  return gates.map((g) => {
    const row = breaching.get(g.id);
    if (!row || g.status !== 'GREEN') return g;
    const countdown = row.remainingMs === null ? '' : `, in ${formatDuration(row.remainingMs)}`;
    return { ...g, status: 'YELLOW', reason: `${g.reason} but trigger ${row.def.label} breaching (${fireCondition(row.def)}${countdown})` };
  });
}
