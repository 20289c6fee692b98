/**
 * How the data source is doing, check by check: whether it answers at all,
 * when it last gave a sample, and what it complained about. The screen turns
 * this into a banner; the engine refuses to advance blind and holds the
 * window when data has been missing too long.
 */
import { formatDuration } from '../../rules/format.js';
import type { SourceProblem, SourceResult } from '../sources/source.js';

export interface SourceHealth {
  /** When the source stopped answering at all; null while it answers. */
  unreachableSince: number | null;
  /** The last check that brought at least one sample. */
  lastSampleAt: number | null;
  problems: SourceProblem[];
}

export const HEALTHY: SourceHealth = { unreachableSince: null, lastSampleAt: null, problems: [] };

export function nextHealth(prev: SourceHealth, result: SourceResult, now: number): SourceHealth {
  // One source down is enough: with Prometheus dead and billing answering, most gates have no data, and nothing may advance.
  const unreachable = result.problems.some((p) => p.kind === 'unreachable');
  return {
    unreachableSince: unreachable ? (prev.unreachableSince ?? now) : null,
    lastSampleAt: result.samples.length ? now : prev.lastSampleAt,
    problems: result.problems,
  };
}

/** Problems not already reported at the previous check, each once, so a dead server is one line, not one per KPI per check. */
export function newProblems(prev: SourceHealth, next: SourceHealth): SourceProblem[] {
  const seen = new Set(prev.problems.map((p) => p.message));
  return next.problems.filter((p) => !seen.has(p.message) && seen.add(p.message));
}

/** Why the window may not advance on account of its data source; empty when it may. */
export function sourceBlockers(h: SourceHealth, now: number): string[] {
  return h.unreachableSince === null ? [] : [`data source unreachable for ${formatDuration(now - h.unreachableSince)}`];
}
