/**
 * The only thing in canary-tui that knows what time it is. Everything else
 * receives `now` as an argument, so a drill and a live window run the same code.
 */
export interface Clock {
  now(): number;
  /** Resolves once `ms` of this clock's time has passed. */
  wait(ms: number, signal?: AbortSignal): Promise<void>;
  readonly kind: 'real' | 'virtual';
}

/** Wall time, for live windows. */
export class RealClock implements Clock {
  readonly kind = 'real';
  now(): number {
    return Date.now();
  }
  wait(ms: number, signal?: AbortSignal): Promise<void> {
    return realDelay(ms, signal);
  }
}

/** A real-time delay that an AbortSignal cuts short; used by both clocks. */
export function realDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
