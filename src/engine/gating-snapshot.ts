/**
 * What the gates may judge. A value given earlier is not evidence of
 * anything now, whatever `staleAfter` says, when this very check says it
 * has no newer one: the source was unreachable, the read of its KPI failed
 * (an HTML page, garbage, a refused query), or the source answered and the
 * series was not in the answer. Only series this check refreshed are judged
 * then, so every such gate is UNKNOWN at once. The store keeps the old values
 * for the panels, which show them greyed with their age.
 */
import { formatDuration } from '../../rules/format.js';
import type { KpiId, Sample, Snapshot } from '../../rules/types.js';
import { seriesKey } from '../../rules/types.js';
import type { SourceResult } from '../sources/source.js';

/** Why the series of `kpi` that this check did not refresh are withheld, or null when their age alone decides. */
function withholding(result: SourceResult): (kpi: KpiId) => string | null {
  const everything = result.problems.some((p) => !p.kpi);
  const unreachable = new Set(result.problems.filter((p) => p.kind === 'unreachable').map((p) => p.kpi));
  const failed = new Set(result.problems.map((p) => p.kpi));
  const asked = new Set(result.asked ?? []);
  return (kpi) => {
    if (everything || unreachable.has(kpi)) return 'source unreachable';
    if (failed.has(kpi)) return 'its read failed this check';
    if (asked.has(kpi)) return 'not in the latest answer';
    return null;
  };
}

export function gatingSnapshot(all: Snapshot, result: SourceResult, now: number): Snapshot {
  const why = withholding(result);
  const fresh = new Set(result.samples.map((s) => seriesKey(s.kpi, s.track, s.journey)));
  const latest = new Map<string, Sample>();
  const withheld = new Map<string, string>();
  for (const [key, sample] of all.latest) {
    const reason = fresh.has(key) ? null : why(sample.kpi);
    if (reason === null) latest.set(key, sample);
    else withheld.set(key, `${reason}, last value ${formatDuration(now - sample.at)} old`);
  }
  return { latest, withheld };
}
