/**
 * What a gate's reason adds to the row it is printed on. The reason repeats
 * the label, the status and the value already on the row; only the rest
 * ("stale (4m old)", "but > 120 ms rollback trigger") is news.
 */
import type { GateModel } from './view-model.js';

export function reasonTail(gate: Pick<GateModel, 'label' | 'status' | 'value' | 'reason'>): string {
  let rest = gate.reason;
  for (const known of [gate.label, gate.status, gate.value]) {
    rest = rest.replace(/^[:,\s]+/, '');
    if (rest.startsWith(known)) rest = rest.slice(known.length);
  }
  return rest.replace(/^[:,\s]+/, '');
}
