/**
 * A young value is not judged when this check says there is no newer one:
 * the source was unreachable, the KPI's read failed (an HTML page, garbage),
 * or the source answered without the series. Observed before: an HTML page
 * at 200 kept every gate GREEN on the previous check's values until
 * `staleAfter` ran out.
 */
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../rules/types.js';
import { seriesKey } from '../../rules/types.js';
import { gatingSnapshot } from '../../src/engine/gating-snapshot.js';
import type { SourceResult } from '../../src/sources/source.js';

const NOW = 1_000_000;
const old = (kpi: Sample['kpi'], track: Sample['track']): Sample => ({ kpi, track, journey: 'all', value: 1, at: NOW - 2_000 });
const store = [old('latency_p95', 'canary'), old('latency_p95', 'control'), old('cache_hit', 'canary'), old('margin', 'canary')];
const snapshot = { latest: new Map(store.map((s) => [seriesKey(s.kpi, s.track, s.journey), s])) };
const judged = (r: SourceResult) => [...gatingSnapshot(snapshot, r, NOW).latest.keys()].sort();
const reasons = (r: SourceResult) => Object.fromEntries(gatingSnapshot(snapshot, r, NOW).withheld ?? []);

describe('gatingSnapshot', () => {
  it('judges every young value when the source answered them all', () => {
    const fresh = store.map((s) => ({ ...s, at: NOW }));
    expect(judged({ samples: fresh, problems: [], asked: ['latency_p95', 'cache_hit', 'margin'] })).toHaveLength(4);
  });

  it('withholds the series of a KPI whose read failed (an HTML page at 200), and only those', () => {
    const r: SourceResult = { samples: [{ ...store[2]!, at: NOW }], problems: [{ kind: 'bad-response', kpi: 'latency_p95', message: 'HTML' }] };
    expect(judged(r)).toEqual(['cache_hit|canary|all', 'margin|canary|all']);
    expect(reasons(r)['latency_p95|canary|all']).toBe('its read failed this check, last value 2s old');
  });

  it('withholds a series the source answered without', () => {
    const r: SourceResult = { samples: [{ ...store[0]!, at: NOW }], problems: [], asked: ['latency_p95', 'cache_hit'] };
    expect(judged(r)).toEqual(['latency_p95|canary|all', 'margin|canary|all']);
    expect(reasons(r)).toEqual({ 'latency_p95|control|all': 'not in the latest answer, last value 2s old', 'cache_hit|canary|all': 'not in the latest answer, last value 2s old' });
  });

  it('withholds everything not refreshed when a problem names no KPI (the whole read threw)', () => {
    expect(judged({ samples: [], problems: [{ kind: 'unreachable', message: 'down' }] })).toEqual([]);
  });

  it('leaves a fixture gap to staleAfter: a source that does not say what it asked withholds nothing', () => {
    expect(judged({ samples: [], problems: [] })).toHaveLength(4);
  });
});
