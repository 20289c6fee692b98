/**
 * The one place that decides whether a run is LIVE, REHEARSAL or
 * RETROSPECTIVE: from the command and its flags, never from the source type
 * alone. The mode then picks the clock and the adapter (setup-window.ts):
 * only LIVE gets the wall clock and the real load balancer without
 * --real-adapter. A rehearsal whose config points at Prometheus replays a
 * past window from Prometheus history (RETROSPECTIVE) and needs `--from`;
 * without it the run is refused rather than quietly run live.
 */
import { InputError } from '../config/input-error.js';
import type { UserConfig } from '../config/schema.js';
import type { RunMode } from '../engine/window-meta.js';
import type { RunOptions } from './setup-window.js';

export function decideMode(opts: RunOptions, user: UserConfig): RunMode {
  const prometheus = user.source?.type === 'prometheus';
  const past = opts.from !== undefined || opts.to !== undefined;
  if (past && !(opts.rehearse && prometheus && !opts.fixture)) {
    throw new InputError(opts.from !== undefined ? '--from' : '--to', '', '--from and --to only with `rehearse --config FILE` whose source is Prometheus: they pick the past window to replay from its history');
  }
  if (opts.rehearse || opts.fixture) {
    if (prometheus && !opts.fixture) {
      if (opts.from === undefined) {
        throw new InputError(
          opts.config ?? '--config', 'source',
          'a fixture to rehearse, or --from TIME to replay this Prometheus source\'s history (RETROSPECTIVE); `canary-tui --config FILE` runs a live window',
        );
      }
      return 'RETROSPECTIVE';
    }
    return 'REHEARSAL';
  }
  return prometheus ? 'LIVE' : 'REHEARSAL';
}
