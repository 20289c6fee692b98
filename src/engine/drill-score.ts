/**
 * What the operator did in a drill against what the policy required, from
 * the engine's own events: each fired trigger and how long until the canary
 * was confirmed at 0% (and by whom), rollbacks missed, advances taken over
 * blockers (with their reasons), reports due and copied within five minutes,
 * and whether the decision matches the one the drill expects. Pure: the
 * headless run prints it last, the TUI shows it, both save it.
 */
import type { Fixture } from '../fixture/schema.js';
import type { EngineEvent } from './events.js';
import { AUTO_OPERATOR } from './window-meta.js';

export interface DrillScore {
  type: 'score';
  outcome: string;
  expected: NonNullable<Fixture['expect']> | null;
  /** The decision matches the drill's expected one (outcome, trigger, minute ±1); null when the drill records none. */
  asExpected: boolean | null;
  triggers: Array<{ trigger: string; firedAt: string; rolledBackAt: string | null; by: string | null; secondsToRollback: number | null }>;
  missedRollbacks: string[];
  overrides: Array<{ at: string; fromWeight: number; toWeight: number; reason: string; operator: string }>;
  reports: { due: number; copiedInTime: number };
}

/** A report is out in time when it is posted or copied within this of falling due (the drill score and the header's indicator). */
export const REPORT_DUE_WITHIN_MS = 5 * 60_000;

export function scoreDrill(events: readonly EngineEvent[], outcome: string, expected: Fixture['expect'] | undefined, copiesAt: readonly number[] = []): DrillScore {
  const start = events.find((e) => e.type === 'check')?.at;
  const minuteOf = (at: string) => (start ? (Date.parse(at) - Date.parse(start)) / 60_000 : 0);
  const rollbacks = events.filter((e): e is Extract<EngineEvent, { type: 'action' }> => e.type === 'action' && e.action === 'rollback' && e.ok);
  const fired = events.filter((e): e is Extract<EngineEvent, { type: 'trigger' }> => e.type === 'trigger' && e.state === 'fired');
  const triggers = fired.map((f) => {
    const r = rollbacks.find((x) => Date.parse(x.at) >= Date.parse(f.at)) ?? null;
    return { trigger: f.id, firedAt: f.at, rolledBackAt: r?.at ?? null, by: r ? (r.operator === AUTO_OPERATOR ? 'canary-tui (auto)' : r.operator) : null, secondsToRollback: r ? (Date.parse(r.at) - Date.parse(f.at)) / 1000 : null };
  });
  const overrides = events.flatMap((e) => (e.type === 'action' && e.action === 'advance' && e.ok && e.reason.startsWith('OVERRIDE')
    ? [{ at: e.at, fromWeight: e.fromWeight, toWeight: e.toWeight, reason: e.reason, operator: e.operator }] : []));
  const due = events.filter((e) => e.type === 'report').map((e) => Date.parse(e.at));
  const copiedInTime = due.filter((t) => copiesAt.some((c) => c >= t && c - t <= REPORT_DUE_WITHIN_MS)).length;
  // The decision's own moment: the first confirmed rollback, or the check that recorded the promotion.
  const decidedAt = outcome === 'promoted'
    ? events.find((e) => e.type === 'phase' && e.windowStatus === 'promoted')?.at
    : rollbacks[0]?.at;
  const asExpected = !expected ? null
    : expected.outcome === outcome
      && (expected.trigger === undefined || fired[0]?.id === expected.trigger)
      && (expected.atMinute === undefined || (decidedAt !== undefined && Math.abs(minuteOf(decidedAt) - expected.atMinute) <= 1));
  return {
    type: 'score', outcome, expected: expected ?? null, asExpected, triggers,
    missedRollbacks: triggers.filter((t) => t.rolledBackAt === null).map((t) => t.trigger),
    overrides, reports: { due: due.length, copiedInTime },
  };
}

/** The score as a few lines for people (saved beside the JSON, shown on screen). */
export function scoreText(s: DrillScore): string {
  const lines = [
    `Drill score: ${s.outcome}${s.asExpected === null ? '' : s.asExpected ? ' (as the directive requires)' : ' (NOT what the directive requires)'}`,
    ...s.triggers.map((t) => `  trigger ${t.trigger} fired ${t.firedAt}: ${t.rolledBackAt ? `0% confirmed ${t.secondsToRollback}s later by ${t.by}` : 'NO ROLLBACK'}`),
    ...s.overrides.map((o) => `  override ${o.fromWeight}% → ${o.toWeight}% by ${o.operator}: ${o.reason}`),
    `  reports: ${s.reports.copiedInTime} of ${s.reports.due} copied within 5 minutes of due`,
  ];
  return lines.join('\n');
}
