/**
 * A gate row's words after its value, split from the rules' reason: the
 * comparison ("> limit 120 ms", "≤ limit 130 ms", "within limit ±5%") and
 * whatever the reason adds beyond it ("but > 120 ms rollback trigger", "near
 * limit (> 70% warning band)", "stale (4m old)"). The rules word the reason as
 * one true statement; the row prints it once instead of restating the limit.
 */
import { reasonTail } from './reason-tail.js';
import type { GateModel } from './view-model.js';

export interface GateWords {
  /** The comparison; for a gate with no value (UNKNOWN) the bare "limit 0.5%". */
  limit: string;
  /** The rest of the reason; '' when the comparison says it all. */
  news: string;
}

/** The comparison word is at most this long ("outside"): a "limit" further in is not the gate's own. */
const MAX_LEAD = 8;

export function gateWords(gate: Pick<GateModel, 'label' | 'status' | 'value' | 'reason' | 'threshold'>): GateWords {
  const tail = reasonTail(gate);
  for (const limit of [`limit ${gate.threshold}`, `limit ±${gate.threshold}`]) {
    const at = tail.indexOf(limit);
    if (at < 0 || at > MAX_LEAD) continue;
    const end = at + limit.length;
    // "limit 5%" must not match the start of "limit 5.5%".
    if (end < tail.length && !/[\s,]/.test(tail[end]!)) continue;
    return { limit: tail.slice(0, end), news: tail.slice(end).replace(/^[,\s]+/, '') };
  }
  return { limit: `limit ${gate.threshold}`, news: tail };
}
