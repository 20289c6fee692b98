/**
 * Replays a recorded fixture: at time t, each series answers with its latest
 * sample at or before t. A null sample is a recorded gap, so the series goes
 * quiet and the store's last value ages into STALE, as it would live.
 */
import type { Sample } from '../../rules/types.js';
import type { Fixture, FixtureSeries } from '../fixture/schema.js';
import type { Source, SourceResult } from './source.js';

export class FixtureSource implements Source {
  readonly name: string;

  constructor(private readonly fixture: Fixture) {
    this.name = `fixture ${fixture.name}`;
  }

  async read(at: number): Promise<SourceResult> {
    const out: Sample[] = [];
    for (const series of this.fixture.series) {
      const sample = latestAtOrBefore(series, at / 1000);
      if (!sample || sample[1] === null) continue;
      out.push({ kpi: series.kpi, track: series.track, journey: series.journey, value: sample[1], at: sample[0] * 1000 });
    }
    return { samples: out, problems: [] };
  }
}

/** Binary search: samples are validated to be in increasing time order. */
function latestAtOrBefore(series: FixtureSeries, seconds: number): FixtureSeries['samples'][number] | undefined {
  const s = series.samples;
  let lo = 0;
  let hi = s.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]![0] <= seconds) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found >= 0 ? s[found] : undefined;
}
