/**
 * A past window from Prometheus into a drill fixture: range queries at the
 * recording's own step, cut into chunks so no request asks more than
 * Prometheus's 11,000 points a series, never coarsened. The fixture keeps
 * only what the rules read (KPI, track, journey), and the config it was
 * recorded with minus the parts that name servers and hold secrets.
 */
import type { Sample } from '../../rules/types.js';
import { seriesKey } from '../../rules/types.js';
import type { UserConfig } from '../config/schema.js';
import { FIXTURE_VERSION, type Fixture } from '../fixture/schema.js';
import type { SourceProblem, SourceResult } from '../sources/source.js';

/** Points per series per request, under Prometheus's 11,000 with room for both ends. */
export const POINTS_PER_REQUEST = 10_000;

export interface RangeReader {
  readonly name: string;
  range(start: number, end: number, stepSeconds: number): Promise<SourceResult>;
}

export interface Recording {
  fixture: Fixture;
  requests: number;
  problems: SourceProblem[];
}

/** What a recorded config keeps: the policy, never a source, billing, adapter or audit (they name servers and secrets), nor the release plan. */
export function recordableConfig(config: UserConfig): Record<string, unknown> {
  // Nor the release plan (window, roster, pre-flight probes): a replay judges the window's reads, it is no release of its own.
  const { source: _s, billing: _b, adapter: _a, audit: _d, window: _w, roster: _r, preflight: _p, regions: _g, ...policy } = config;
  return policy;
}

export async function recordWindow(reader: RangeReader, opts: { from: number; to: number; stepSeconds: number; name: string; config: UserConfig }): Promise<Recording> {
  const stepMs = opts.stepSeconds * 1000;
  const chunkMs = stepMs * (POINTS_PER_REQUEST - 1);
  const bySeries = new Map<string, { s: Sample; points: Map<number, number | null> }>();
  const problems: SourceProblem[] = [];
  let requests = 0;
  for (let a = opts.from; a <= opts.to; a += chunkMs + stepMs) {
    const b = Math.min(opts.to, a + chunkMs);
    const r = await reader.range(a, b, opts.stepSeconds);
    requests += 1;
    problems.push(...r.problems);
    for (const s of r.samples) {
      const key = seriesKey(s.kpi, s.track, s.journey);
      const entry = bySeries.get(key) ?? { s, points: new Map() };
      // A fixture holds finite numbers or null (no reading); NaN and ±Inf are recorded as the gaps they are.
      entry.points.set(Math.round(s.at) / 1000, Number.isFinite(s.value) ? s.value : null);
      bySeries.set(key, entry);
    }
  }
  const series = [...bySeries.values()].map(({ s, points }) => ({
    kpi: s.kpi, track: s.track, journey: s.journey,
    samples: [...points].sort((x, y) => x[0] - y[0]),
  }));
  const fixture: Fixture = {
    version: FIXTURE_VERSION,
    name: opts.name,
    description: `recorded from ${reader.name}, ${new Date(opts.from).toISOString()} to ${new Date(opts.to).toISOString()}, one point every ${opts.stepSeconds}s`,
    start: new Date(opts.from).toISOString(),
    end: new Date(opts.to).toISOString(),
    stepSeconds: opts.stepSeconds,
    config: { ...recordableConfig(opts.config), checkInterval: `${opts.stepSeconds}s` },
    series,
  };
  return { fixture, requests, problems };
}
