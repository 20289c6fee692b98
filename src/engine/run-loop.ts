/**
 * The window's loop: checks on a fixed grid (check-schedule.ts) until the
 * window is decided (and, a release planned, its freeze is over), the source
 * ends, or `signal` aborts; the IC may have decided it (r, y) during a wait.
 * A stop before a decision is audited by the engine.
 */
import { isTerminal, type WindowState } from '../../rules/phases.js';
import type { Outcome } from '../exit-codes.js';
import { nextCheckAt } from './check-schedule.js';
import type { EngineDeps } from './engine-deps.js';
import type { ReleaseTrack } from './release-track.js';

export interface LoopHost {
  readonly deps: EngineDeps;
  readonly state: WindowState;
  readonly release: ReleaseTrack | null;
  check(due: number): Promise<void>;
  stop(operator: string, reason: string): Promise<void>;
}

export async function runLoop(e: LoopHost, signal: AbortSignal): Promise<Outcome> {
  const { clock, meta, policy } = e.deps;
  for (let due = clock.now(); !signal.aborted;) {
    await e.check(due);
    if (isTerminal(e.state) && !e.release?.goesOn(e.state)) return e.state.status as Outcome;
    due = nextCheckAt(due, clock.now(), policy.checkIntervalMs);
    if (meta.endsAt !== null && due > meta.endsAt) return isTerminal(e.state) ? e.state.status as Outcome : 'ended';
    await clock.wait(due - clock.now(), signal);
  }
  if (isTerminal(e.state)) return e.state.status as Outcome;
  await e.stop(meta.operator, 'stopped before the window was decided');
  return 'stopped';
}
