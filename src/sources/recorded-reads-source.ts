/**
 * Replays a window's own recording: each check gets the read the window
 * made at that check, as it was (samples, problems, what it asked for), so
 * an outage replays as an outage. Checks run on the same grid as the
 * recorded ones (check-schedule.ts); the nearest read within half an
 * interval is the one. A check with none (the window was not running then)
 * is told so, as an unreachable source, never given an old answer.
 */
import type { Sample } from '../../rules/types.js';
import { decodeValue, type ReadLine } from '../record/recording-lines.js';
import type { Source, SourceResult } from './source.js';

export class RecordedReadsSource implements Source {
  readonly #ats: number[];

  /** `name` is the recorded source's own, so its errors read as they did in the window. */
  constructor(readonly name: string, private readonly reads: readonly ReadLine[], private readonly intervalMs: number) {
    this.#ats = reads.map((r) => r.at);
  }

  async read(at: number): Promise<SourceResult> {
    const read = this.#nearest(at);
    if (!read) return { samples: [], problems: [{ kind: 'unreachable', message: 'not in the recording: the window did not read at this time' }] };
    if (read.error !== undefined) throw new Error(read.error);
    const samples: Sample[] = read.samples.map(([kpi, track, journey, value, sampleAt]) => ({ kpi, track, journey, value: decodeValue(value), at: sampleAt }));
    return { samples, problems: read.problems.map((p) => ({ ...p })), ...(read.asked ? { asked: read.asked } : {}) };
  }

  /** Binary search for the read closest to `at`, if within half an interval. */
  #nearest(at: number): ReadLine | undefined {
    const a = this.#ats;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    const best = [lo - 1, lo].filter((i) => i >= 0 && i < a.length).sort((x, y) => Math.abs(a[x]! - at) - Math.abs(a[y]! - at))[0];
    return best !== undefined && Math.abs(a[best]! - at) <= this.intervalMs / 2 ? this.reads[best] : undefined;
  }
}
