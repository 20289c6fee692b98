/**
 * A window that resumes after a crash, or a viewer that opens on a window
 * already running, starts with an empty store: the P95 chart (canary against
 * control since the phase began) would stay blank until new checks trickle
 * in. One range read from the source fills it. Only the store is touched:
 * the source's health (and so "no data for …" holds) still counts live
 * checks alone, and each restored sample keeps its own time, so nothing
 * looks fresher than it is.
 */
import type { KpiId } from '../../rules/types.js';
import type { Source, SourceResult } from '../sources/source.js';
import type { SeriesStore } from '../store/series-store.js';
import { describeError } from './apply-weight.js';
import type { EngineEvent } from './events.js';

/** What the chart draws. */
export const CHART_KPIS: readonly KpiId[] = ['latency_p95'];

export interface RestoreRequest {
  source: Source;
  store: SeriesStore;
  /** When the current phase began (epoch ms). */
  since: number;
  now: number;
  /** The check interval: a finer step would draw points the live chart never had. */
  stepMs: number;
}

/** Pushes the restored samples into the store; returns what to tell the IC (nothing when the source cannot look back). */
export async function restoreHistory({ source, store, since, now, stepMs }: RestoreRequest): Promise<EngineEvent[]> {
  if (!source.history || since >= now) return [];
  const at = new Date(now).toISOString();
  let result: SourceResult;
  try {
    result = await source.history(CHART_KPIS, since, now, stepMs);
  } catch (e) {
    return [{ type: 'error', at, message: `chart history not restored from ${source.name}: ${describeError(e)}` }];
  }
  store.push(result.samples);
  // One line per distinct problem: an unreachable server is named once, not once per KPI.
  const messages = [...new Set(result.problems.map((p) => p.message))];
  const said = result.samples.length ? 'incomplete' : 'not restored';
  const events: EngineEvent[] = messages.map((m) => ({ type: 'error', at, message: `chart history ${said}: ${m}` }));
  if (result.samples.length || !messages.length) {
    events.unshift({ type: 'history', at, source: source.name, points: result.samples.length, since: new Date(since).toISOString() });
  }
  return events;
}
