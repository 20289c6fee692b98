/**
 * The rollback report (ROLLBACK_REPORT.md): the trigger that fired and its
 * values from first breach to firing, the KPIs and gates at the rollback,
 * the timeline and every action with who took it, all from the audit. What
 * only people know (cause, impact, follow-ups) is marked for them to fill.
 */
import { formatDuration, utcMinute } from '../../rules/format.js';
import { AUTO_OPERATOR } from '../engine/window-meta.js';
import { FILL_IN, gateTable, kpiTable } from './kpi-deltas.js';
import { timeline, timelineTable } from './timeline.js';
import { icOf, person, readoutOf, titleLine, type WindowEnd } from './window-end.js';

export function rollbackReport(w: WindowEnd): string {
  const rollback = w.audit.find((r) => r.type === 'action' && r.action === 'rollback' && r.ok);
  const fired = w.audit.filter((r) => r.type === 'trigger' && r.state === 'fired');
  const actions = w.audit.filter((r) => r.type === 'action' || r.type === 'refusal' || r.type === 'weight-drift');
  const by = (op: string) => (op === AUTO_OPERATOR ? 'canary-tui, automatically (pre-approved on any trigger)' : op);
  const at = rollback ? Date.parse(rollback.at) : w.now;
  return [
    titleLine('Rollback report', w),
    '',
    `Window ${w.windowId}. Rolled back at ${utcMinute(at)} from ${rollback?.fromWeight ?? '?'}% to ${w.state.weight}%` +
      `${rollback ? ` by ${by(rollback.operator)}` : ''}; the load balancer read back ${rollback?.verified ?? 'nothing (not confirmed)'}.`,
    `IC: ${icOf(w)}. Release Eng: ${person(w, 'releaseEng')}.`,
    '',
    '## The trigger',
    '',
    ...(fired.length ? fired.flatMap((f) => triggerStory(w, String(f.id), Date.parse(f.at))) : [`No trigger fired: ${rollback ? `the rollback was ${by(rollback.operator)}'s call: ${String(rollback.reason)}` : 'the window ended rolled back without a rollback action in its audit'}.`]),
    '',
    `## KPIs at ${utcMinute(w.now)} (the last check)`,
    '',
    ...kpiTable(readoutOf(w)),
    '',
    '## Gates at the last check',
    '',
    ...gateTable(w.decisions),
    '',
    '## Actions',
    '',
    '| time (UTC) | action | weight | by | result |',
    '|---|---|---|---|---|',
    ...actions.map((a) => `| ${a.at.slice(11, 16)} | ${a.type === 'action' ? String(a.action) : a.type} | ${a.fromWeight ?? a.weight ?? ''}% → ${a.toWeight ?? a.weight ?? ''}% | ${a.operator} | ${a.type === 'action' ? (a.ok ? `done${a.verified ? `, ${String(a.verified)}` : ''}` : 'FAILED') : String(a.why ?? a.reason ?? '')} |`),
    '',
    '## Timeline',
    '',
    ...timelineTable(timeline(w.audit)),
    '',
    '## For the people in the room',
    '',
    `- Root cause: ${FILL_IN}`,
    `- Customer impact (journeys, duration, payments): ${FILL_IN}`,
    `- Follow-ups, each with an owner and a date: ${FILL_IN}`,
    `- Next attempt (new tag, window): ${FILL_IN}`,
    '',
  ].join('\n');
}

/** One trigger from its first breach to its firing, value by value, as the audit recorded them. */
function triggerStory(w: WindowEnd, id: string, firedAt: number): string[] {
  const mine = w.audit.filter((r) => r.type === 'trigger' && r.id === id && Date.parse(r.at) <= firedAt);
  const lastArmed = [...mine].reverse().find((r) => r.state === 'armed');
  const run = mine.filter((r) => !lastArmed || Date.parse(r.at) > Date.parse(lastArmed.at));
  const first = run[0];
  const fired = run.at(-1)!;
  return [
    `- **${id}** fired at ${utcMinute(firedAt)}: ${String(fired.reason)}`,
    ...(first && first !== fired ? [`- breaching since ${utcMinute(first.at)}, ${formatDuration(firedAt - Date.parse(first.at))} before it fired: ${String(first.reason)}`] : []),
  ];
}
