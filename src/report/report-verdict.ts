/**
 * The lines of the 15-minute report that say who, what was done and what
 * comes next: the IC on duty, the IC's actions since the last report
 * (overrides and gate-review approvals among them), the recommendation in
 * the directive's own words (GO / NO-GO / ROLLBACK: a hold is a NO-GO with
 * its reason), the next action, and the next report's time in UTC.
 */
import { currentVerdict, type Decisions } from '../../rules/evaluate.js';
import { formatDuration, utcTime } from '../../rules/format.js';
import type { WindowState } from '../../rules/phases.js';
import type { Policy } from '../../rules/policy.js';
import { AUTO_OPERATOR, type WindowMeta } from '../engine/window-meta.js';

/** An action as the report lists it. */
export interface ReportedAction {
  at: string;
  action: string;
  fromWeight: number;
  toWeight: number;
  operator: string;
  reason: string;
  ok: boolean;
}

export type DirectiveRecommendation = 'GO' | 'NO-GO' | 'ROLLBACK';


/** GO, NO-GO or ROLLBACK, and why; a hold reads NO-GO (hold). */
export function directiveVerdict(state: WindowState, d: Decisions | null): { recommendation: DirectiveRecommendation; because: string } {
  const v = currentVerdict(state, d);
  if (v.recommendation === 'HOLD') return { recommendation: 'NO-GO', because: v.because.startsWith('held') ? v.because : `hold: ${v.because}` };
  return { recommendation: v.recommendation, because: v.because };
}

export function icLine(meta: WindowMeta): string {
  const ic = meta.release.ic;
  return ic ? `*IC* ${ic.name} (${ic.contact})` : `*IC* ${meta.operator} (no roster: the operator at the keys)`;
}

/** The IC's actions in the last `sinceMs` (the engine's own moves are in the triggers and phases). */
export function actionLines(actions: readonly ReportedAction[], now: number, sinceMs: number): string[] {
  const mine = actions.filter((a) => a.operator !== AUTO_OPERATOR && Date.parse(a.at) > now - sinceMs && Date.parse(a.at) <= now);
  if (!mine.length) return ['*Since the last report* no overrides, approvals or IC actions'];
  return ['*Since the last report*', ...mine.map((a) => {
    const kind = a.reason.startsWith('OVERRIDE') ? 'override' : /approv/i.test(a.reason) ? 'approval' : a.action;
    return `• ${a.at.slice(11, 16)} ${kind}: ${a.action} ${a.fromWeight}% → ${a.toWeight}% by ${a.operator}${a.ok ? '' : ' (refused)'} · ${a.reason}`;
  })];
}

/** One line: what the room does next. */
export function nextActionLine(policy: Policy, state: WindowState, d: Decisions | null, now: number): string {
  const phase = policy.phases[state.phaseIndex]!;
  const next = policy.phases[state.phaseIndex + 1];
  const say = (s: string) => `*Next action* ${s}`;
  switch (state.status) {
    case 'rolled-back': return say(`write the rollback report; the canary stays at ${state.weight}%`);
    case 'promoted': return say('the post-success checklist: lift the caps, remove the infra lock, the win note, the 7-day cohort review');
    case 'rolling-back': return say('confirm 0% on the load balancer');
    case 'ready': return say(`the IC opens the window at ${phase.weight}%`);
    case 'held': return say(`the IC resumes or rolls back (held at ${state.weight}%)`);
  }
  const v = directiveVerdict(state, d);
  if (v.recommendation === 'ROLLBACK') return say('roll back now (pre-approved on any trigger)');
  if (v.recommendation === 'NO-GO') return say(`stay at ${state.weight}% while ${v.because.replace(/^hold: /, '')}; the IC may roll back at any time (pre-approved on any trigger)`);
  if (!next) return say(`stay at 100% until ${formatDuration(phase.minDurationMs)} stable`);
  const due = state.phaseStartedAt + phase.minDurationMs;
  const review = phase.requiresApproval ? ' after the gate review (the CEO joins)' : '';
  return say(due > now ? `advance to ${next.weight}% at ${utcTime(due)}${review}, if every gate stays GREEN` : `advance to ${next.weight}%${review}`);
}

/** When the next report is due; a decided window posts no more. */
export function nextReportLine(policy: Policy, state: WindowState, now: number): string {
  if (state.status === 'rolled-back' || state.status === 'promoted') return '*Next report* none: the window is decided';
  return `*Next report* ${utcTime((state.lastReportAt ?? now) + policy.reportEveryMs)}`;
}
