/**
 * The release around the window, as the directive times it: PREPARING from
 * before T-2h (region, roster, links), PRE-FLIGHT from T-1h (every item GREEN),
 * READY at T-0 (the IC opens), the phases, STABLE AT 100% (two hours of it),
 * then POST-SUCCESS (the checklist) and the 24-hour FREEZE. These are more
 * states of the one window machine, read off its state and the clock; each
 * says what the next step needs. Pure.
 */
import { formatDuration } from './format.js';
import type { Policy } from './policy.js';
import type { StableTimer } from './stable-timer.js';
import type { WindowState } from './window-machine.js';

export type Stage = 'PREPARING' | 'PRE-FLIGHT' | 'READY' | 'RUNNING' | 'HELD' | 'ROLLING BACK' | 'ROLLED BACK' | 'STABLE AT 100%' | 'POST-SUCCESS' | 'FREEZE' | 'FREEZE OVER';

export interface LifecycleInput {
  now: number;
  windowStartAt: number | null;
  state: WindowState;
  policy: Policy;
  /** Pre-flight items not GREEN (0: GO). */
  notGreen: number;
  stable: StableTimer | null;
  /** When the window was promoted (GA), and the post-success checklist items still open. */
  promotedAt?: number | null;
  checklistOpen?: number;
  freezeMs?: number;
}

export interface Lifecycle {
  stage: Stage;
  /** What the next step needs, with its countdown. */
  next: string;
}

const HOUR = 3_600_000;
const inT = (ms: number) => formatDuration(Math.max(0, ms));

export function lifecycle(f: LifecycleInput): Lifecycle {
  const s = f.state;
  const go = f.notGreen === 0 ? 'pre-flight GO' : `pre-flight NO-GO: ${f.notGreen} item(s) not GREEN`;
  if (s.status === 'ready') {
    const t0 = f.windowStartAt;
    if (t0 !== null && f.now < t0 - 2 * HOUR) return { stage: 'PREPARING', next: `T-2h in ${inT(t0 - 2 * HOUR - f.now)}: region, DRI roster and links posted` };
    if (t0 !== null && f.now < t0 - HOUR) return { stage: 'PREPARING', next: `T-1h in ${inT(t0 - HOUR - f.now)}: every pre-flight item GREEN (${go})` };
    if (t0 !== null && f.now < t0) return { stage: 'PRE-FLIGHT', next: `${go} · T-0 in ${inT(t0 - f.now)}` };
    return { stage: 'READY', next: f.notGreen === 0 ? 'pre-flight GO: the IC opens the window (o)' : `${go}: opening needs an override reason` };
  }
  if (s.status === 'held') return { stage: 'HELD', next: s.holdReason ?? 'the IC resumes or rolls back' };
  if (s.status === 'rolling-back') return { stage: 'ROLLING BACK', next: 'until the load balancer reads 0%' };
  if (s.status === 'rolled-back') return { stage: 'ROLLED BACK', next: 'write the rollback report' };
  const last = f.policy.phases.length - 1;
  if (s.status === 'running' && s.phaseIndex === last && f.stable) {
    const need = f.policy.phases[last]!.minDurationMs;
    return { stage: 'STABLE AT 100%', next: `stable ${formatDuration(f.now - f.stable.since)} / ${formatDuration(need)}${f.stable.resetBy ? ` (restarted: ${f.stable.resetBy})` : ''}` };
  }
  if (s.status === 'running') return { stage: 'RUNNING', next: `phase ${s.phaseIndex + 1}/${f.policy.phases.length}` };
  // Promoted: GA. The checklist first, then the freeze counts down from GA.
  const ga = f.promotedAt ?? f.now;
  const freezeEnds = ga + (f.freezeMs ?? 24 * HOUR);
  const open = f.checklistOpen ?? 0;
  // The freeze is counted from GA and ends on time, whatever the checklist: an item still open then is said, not waited for.
  if (f.now >= freezeEnds) return { stage: 'FREEZE OVER', next: `the freeze ended ${new Date(freezeEnds).toISOString().slice(0, 16).replace('T', ' ')} UTC${open ? `; ${open} checklist item(s) still open` : ''}` };
  if (open > 0) return { stage: 'POST-SUCCESS', next: `checklist: ${open} item(s) open · freeze until ${new Date(freezeEnds).toISOString().slice(0, 16).replace('T', ' ')} UTC` };
  return { stage: 'FREEZE', next: `non-critical change freeze: ${inT(freezeEnds - f.now)} left` };
}
