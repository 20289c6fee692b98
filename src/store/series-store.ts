/**
 * The window's memory: the latest sample of every series plus a bounded
 * history for charts. Bounded so an eight-hour window costs the same memory
 * as a ten-minute one.
 */
import { seriesKey, type Sample, type Snapshot } from '../../rules/types.js';

export interface HistoryPoint {
  at: number;
  value: number;
}

/**
 * Points kept per series by default: six hours at the default 30 s check
 * interval. A range read for the chart (Source.history) asks for no more than
 * this, so a restore never pushes out points it has just restored.
 */
export const SERIES_CAPACITY = 720;

export class SeriesStore {
  readonly #latest = new Map<string, Sample>();
  readonly #history = new Map<string, HistoryPoint[]>();

  constructor(private readonly capacity = SERIES_CAPACITY) {}

  /** Adds samples; an older sample never replaces a newer one. */
  push(samples: readonly Sample[]): void {
    for (const s of samples) {
      const key = seriesKey(s.kpi, s.track, s.journey);
      const prev = this.#latest.get(key);
      if (prev && prev.at > s.at) continue;
      this.#latest.set(key, s);
      if (prev && prev.at === s.at) continue;
      const ring = this.#history.get(key) ?? [];
      ring.push({ at: s.at, value: s.value });
      if (ring.length > this.capacity) ring.splice(0, ring.length - this.capacity);
      this.#history.set(key, ring);
    }
  }

  snapshot(): Snapshot {
    return { latest: new Map(this.#latest) };
  }

  history(key: string): readonly HistoryPoint[] {
    return this.#history.get(key) ?? [];
  }
}
