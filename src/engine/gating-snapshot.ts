/**
 * What the gates may judge. While a source is unreachable, a value it gave
 * earlier is not evidence of anything now, whatever `staleAfter` says: only
 * series this very check refreshed are judged, so every gate fed by the
 * dead source is UNKNOWN at once. The store keeps the old values for the
 * panels, which show them greyed with their age.
 */
import { formatDuration } from '../../rules/format.js';
import type { Sample, Snapshot } from '../../rules/types.js';
import { seriesKey } from '../../rules/types.js';
import type { SourceResult } from '../sources/source.js';

export function gatingSnapshot(all: Snapshot, result: SourceResult, now: number): Snapshot {
  if (!result.problems.some((p) => p.kind === 'unreachable')) return all;
  const fresh = new Set(result.samples.map((s) => seriesKey(s.kpi, s.track, s.journey)));
  const latest = new Map<string, Sample>();
  const withheld = new Map<string, string>();
  for (const [key, sample] of all.latest) {
    if (fresh.has(key)) latest.set(key, sample);
    else withheld.set(key, `source unreachable, last value ${formatDuration(now - sample.at)} old`);
  }
  return { latest, withheld };
}
