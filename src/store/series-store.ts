/**
 * The window's memory: the latest sample of every series plus a bounded
 * history for charts. Bounded so an eight-hour window costs the same memory
 * as a ten-minute one, and preallocated (two Float64Arrays a series, full
 * size from its first sample), so it costs that memory from the first hour:
 * an array of point objects grew the heap all through an eight-hour soak.
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

/** A fixed-size ring of (time, value) pairs, oldest overwritten first. */
class Ring {
  readonly #at: Float64Array;
  readonly #value: Float64Array;
  #start = 0;
  #size = 0;

  constructor(readonly capacity: number) {
    this.#at = new Float64Array(capacity);
    this.#value = new Float64Array(capacity);
  }

  push(at: number, value: number): void {
    const i = (this.#start + this.#size) % this.capacity;
    this.#at[i] = at;
    this.#value[i] = value;
    if (this.#size < this.capacity) this.#size += 1;
    else this.#start = (this.#start + 1) % this.capacity;
  }

  /** Oldest first; a fresh array each call (the chart reads it once a frame). */
  points(): HistoryPoint[] {
    const out: HistoryPoint[] = new Array(this.#size);
    for (let k = 0; k < this.#size; k++) {
      const i = (this.#start + k) % this.capacity;
      out[k] = { at: this.#at[i]!, value: this.#value[i]! };
    }
    return out;
  }
}

export class SeriesStore {
  readonly #latest = new Map<string, Sample>();
  readonly #history = new Map<string, Ring>();

  constructor(private readonly capacity = SERIES_CAPACITY) {}

  /** Adds samples; an older sample never replaces a newer one. */
  push(samples: readonly Sample[]): void {
    for (const s of samples) {
      const key = seriesKey(s.kpi, s.track, s.journey);
      const prev = this.#latest.get(key);
      if (prev && prev.at > s.at) continue;
      this.#latest.set(key, s);
      if (prev && prev.at === s.at) continue;
      let ring = this.#history.get(key);
      if (!ring) this.#history.set(key, (ring = new Ring(this.capacity)));
      ring.push(s.at, s.value);
    }
  }

  snapshot(): Snapshot {
    return { latest: new Map(this.#latest) };
  }

  history(key: string): readonly HistoryPoint[] {
    return this.#history.get(key)?.points() ?? [];
  }
}
