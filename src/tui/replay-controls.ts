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
  #heldAtT0 = false;

  /** `waitsAtT0`: the drill plans a release the IC opens; its clock stops at T-0 until the IC does. */
  constructor(private readonly clock: VirtualClock, private readonly waitsAtT0 = false) {}

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

  /**
   * Every engine event passes here; the first one worth it ends a rush. At
   * T-0 (READY) a drill the IC opens stops its clock, so the open lands at
   * T-0 as it would in the room, however fast the replay; the open plays on.
   * Returns what to tell the IC, if anything.
   */
  onEvent(e: EngineEvent): string | null {
    if (this.clock.rushing && stopsRush(e)) this.clock.setRushing(false);
    if (this.waitsAtT0 && e.type === 'lifecycle' && e.stage === 'READY') {
      this.#heldAtT0 = true;
      this.clock.setPaused(true);
      return 'T-0 and pre-flight GO: the drill waits for you; o then y opens the window';
    }
    if (this.#heldAtT0 && e.type === 'action' && e.action === 'open' && e.ok) {
      this.#heldAtT0 = false;
      this.clock.setPaused(false);
      return `window open; replay playing at ×${this.clock.speed}`;
    }
    return null;
  }
}

/** The next speed step up or down from `speed` (which may be off the list, e.g. --speed 90). */
export function stepSpeed(speed: number, direction: 1 | -1): number {
  if (direction > 0) return SPEED_STEPS.find((s) => s > speed) ?? SPEED_STEPS.at(-1)!;
  return [...SPEED_STEPS].reverse().find((s) => s < speed) ?? SPEED_STEPS[0];
}
