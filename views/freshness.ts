/**
 * How old the newest number on screen is. A war room that silently shows
 * last hour's values is worse than a blank one, so the header always says.
 */
import { formatCalmDuration } from '../rules/format.js';
import type { Snapshot } from '../rules/types.js';

export interface Freshness {
  freshness: string;
  /** No sample at all, or even the newest is past the staleness limit. */
  dataStale: boolean;
}

export function freshness(snapshot: Snapshot, now: number, staleAfterMs: number): Freshness {
  let newest: number | null = null;
  for (const s of snapshot.latest.values()) if (newest === null || s.at > newest) newest = s.at;
  if (newest === null) return { freshness: 'no data', dataStale: true };
  const age = now - newest;
  return { freshness: `data ${formatCalmDuration(age)} old`, dataStale: age > staleAfterMs };
}
