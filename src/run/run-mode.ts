/**
 * The one place that decides whether a run is LIVE, REHEARSAL or
 * RETROSPECTIVE: from the command and its flags, never from the source type
 * alone. The mode then picks the clock and the adapter (setup-window.ts):
 * only LIVE gets the wall clock and the real load balancer without
 * --real-adapter. A rehearsal whose config points at Prometheus means
 * "replay that window from Prometheus history", which is not built yet, so
 * it is refused rather than quietly run live.
 */
import { InputError } from '../config/input-error.js';
import type { UserConfig } from '../config/schema.js';
import type { RunMode } from '../engine/window-meta.js';
import type { RunOptions } from './setup-window.js';

export function decideMode(opts: RunOptions, user: UserConfig): RunMode {
  const prometheus = user.source?.type === 'prometheus';
  if (opts.rehearse || opts.fixture) {
    if (prometheus && !opts.fixture) {
      throw new InputError(
        opts.config ?? '--config', 'source',
        'a fixture to rehearse: a retrospective rehearsal straight from Prometheus history is not available yet; record the window into a fixture, or run `canary-tui --config FILE` for a live window',
      );
    }
    return 'REHEARSAL';
  }
  return prometheus ? 'LIVE' : 'REHEARSAL';
}
