/**
 * The IC's hands on a replay's clock (a drill or a retrospective on
 * screen): space pauses and plays, + and - step the speed, ] runs with no
 * real delay until the next thing worth stopping for: a trigger breaching or
 * firing, a phase change, an action, a report. A live window has no such
 * clock and so no such keys.
 */
import type { VirtualClock } from '../clock/virtual-clock.js';
import type { EngineEvent } from '../engine/events.js';
import type { ReplayState } from '../../views/view-model.js';

/** Speeds + and - step through: virtual seconds per real second. */
export const SPEED_STEPS = [1, 2, 5, 10, 30, 60, 120, 300, 600, 1200, 3000, 6000] as const;

/** Events a rush stops at. A check alone is not one; an armed trigger coming back is. */
export function stopsRush(e: EngineEvent): boolean {
  return e.type === 'trigger' || e.type === 'phase' || e.type === 'action' || e.type === 'report' || e.type === 'stop' || e.type === 'lifecycle' || e.type === 'preflight';
}

export type ReplayControl = 'pause' | 'faster' | 'slower' | 'next';

export class ReplayControls {
  constructor(private readonly clock: VirtualClock) {}

  state(): ReplayState {
    return { speed: this.clock.speed, paused: this.clock.paused, rushing: this.clock.rushing };
  }

  /** What the key did, for the flash line. */
  apply(control: ReplayControl): string {
    switch (control) {
      case 'pause':
        this.clock.setPaused(!this.clock.paused);
        return this.clock.paused ? 'replay paused; space plays' : `replay playing at ×${this.clock.speed}`;
      case 'faster':
      case 'slower': {
        const next = stepSpeed(this.clock.speed, control === 'faster' ? 1 : -1);
        this.clock.setSpeed(next);
        return `replay at ×${next}`;
      }
      case 'next':
        this.clock.setRushing(true);
        return 'replay running to the next event';
    }
  }

  /** Every engine event passes here; the first one worth it ends a rush. */
  onEvent(e: EngineEvent): void {
    if (this.clock.rushing && stopsRush(e)) this.clock.setRushing(false);
  }
}

/** The next speed step up or down from `speed` (which may be off the list, e.g. --speed 90). */
export function stepSpeed(speed: number, direction: 1 | -1): number {
  if (direction > 0) return SPEED_STEPS.find((s) => s > speed) ?? SPEED_STEPS.at(-1)!;
  return [...SPEED_STEPS].reverse().find((s) => s < speed) ?? SPEED_STEPS[0];
}
