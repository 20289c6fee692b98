/**
 * Drill time. `speed` virtual seconds pass per real second; at Infinity
 * (headless, tests) waiting only yields to the event loop, so a three-hour
 * drill replays in milliseconds with no sleeps.
 */
import { realDelay, type Clock } from './clock.js';

export class VirtualClock implements Clock {
  readonly kind = 'virtual';
  #now: number;

  constructor(
    start: number,
    private readonly speed: number = Number.POSITIVE_INFINITY,
  ) {
    if (!(speed > 0)) throw new RangeError(`speed must be > 0, got ${speed}`);
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  /** Moves time forward without waiting; tests drive the clock with this. */
  advance(ms: number): void {
    this.#now += Math.max(0, ms);
  }

  async wait(ms: number, signal?: AbortSignal): Promise<void> {
    if (Number.isFinite(this.speed)) {
      // Time moves in real-time slices so the screen's countdowns stay smooth.
      const target = this.#now + ms;
      const slice = 1000 * this.speed;
      while (this.#now < target && !signal?.aborted) {
        const step = Math.min(slice, target - this.#now);
        await realDelay(step / this.speed, signal);
        if (!signal?.aborted) this.#now += step;
      }
      return;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!signal?.aborted) this.#now += ms;
  }
}
