/**
 * Drill time. `speed` virtual seconds pass per real second; at Infinity
 * (headless, tests) waiting only yields to the event loop, so a three-hour
 * drill replays in milliseconds with no sleeps.
 *
 * A replay on screen is also driven by the IC (replay-controls.ts): paused,
 * sped up or slowed down while it runs, or rushed to the next event. The
 * clock only obeys; what counts as "the next event" is the TUI's business.
 */
import { realDelay, type Clock } from './clock.js';

export class VirtualClock implements Clock {
  readonly kind = 'virtual';
  #now: number;
  #speed: number;
  #paused = false;
  #rushing = false;
  /** Wakes a wait() that sleeps through a pause, a speed change or a rush. */
  #wake: (() => void) | null = null;

  constructor(start: number, speed: number = Number.POSITIVE_INFINITY) {
    if (!(speed > 0)) throw new RangeError(`speed must be > 0, got ${speed}`);
    this.#now = start;
    this.#speed = speed;
  }

  now(): number {
    return this.#now;
  }

  get speed(): number { return this.#speed; }
  get paused(): boolean { return this.#paused; }
  get rushing(): boolean { return this.#rushing; }

  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new RangeError(`speed must be > 0, got ${speed}`);
    this.#speed = speed;
    this.#poke();
  }

  setPaused(paused: boolean): void {
    this.#paused = paused;
    this.#poke();
  }

  /** Time runs without real delay (and through a pause) until `setRushing(false)`. */
  setRushing(rushing: boolean): void {
    this.#rushing = rushing;
    this.#poke();
  }

  /** Moves time forward without waiting; tests drive the clock with this. */
  advance(ms: number): void {
    this.#now += Math.max(0, ms);
  }

  async wait(ms: number, signal?: AbortSignal): Promise<void> {
    const target = this.#now + ms;
    while (this.#now < target && !signal?.aborted) {
      if (this.#rushing || !Number.isFinite(this.#speed)) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (!signal?.aborted) this.#now = target;
        return;
      }
      if (this.#paused) {
        await this.#sleep(60_000, signal);
        continue;
      }
      // Time moves in real-time slices so the screen's countdowns stay smooth.
      const step = Math.min(1000 * this.#speed, target - this.#now);
      const started = Date.now();
      const woken = await this.#sleep(step / this.#speed, signal);
      if (signal?.aborted) return;
      // Woken early (a pause, a new speed): only the real time that passed counts, at the speed it passed at.
      this.#now += woken ? Math.min(step, (Date.now() - started) * this.#speedAtSleep) : step;
    }
  }

  #speedAtSleep = 1;

  /** Sleeps `realMs`, or less when poked; true when poked. */
  async #sleep(realMs: number, signal?: AbortSignal): Promise<boolean> {
    this.#speedAtSleep = this.#speed;
    let poked = false;
    const inner = new AbortController();
    const stop = () => inner.abort();
    signal?.addEventListener('abort', stop, { once: true });
    this.#wake = () => { poked = true; inner.abort(); };
    await realDelay(realMs, inner.signal);
    signal?.removeEventListener('abort', stop);
    this.#wake = null;
    return poked;
  }

  #poke(): void {
    this.#wake?.();
  }
}
