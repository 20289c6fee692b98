/**
 * The internal win note (WIN_NOTE.md) the directive asks for after GA: the
 * KPI deltas at GA, the anomalies the window met and resolved (triggers
 * that breached and re-armed, holds lifted, stable-timer restarts), and the
 * key lessons, which only people can write and are marked for them.
 */
import { formatDuration, utcMinute } from '../../rules/format.js';
import { FILL_IN, gateTable, kpiTable } from './kpi-deltas.js';
import { icOf, readoutOf, titleLine, type WindowEnd } from './window-end.js';

export function winNote(w: WindowEnd): string {
  const opened = w.audit.find((r) => r.type === 'action' && r.action === 'open' && r.ok);
  const steps = w.audit.filter((r) => r.type === 'action' && (r.action === 'open' || r.action === 'advance') && r.ok && r.toWeight !== r.fromWeight).map((r) => `${String(r.toWeight)}% at ${r.at.slice(11, 16)}`);
  const stable = w.policy.phases.at(-1)!.minDurationMs;
  return [
    titleLine('Win note', w),
    '',
    `GA at ${utcMinute(w.now)}, after ${formatDuration(stable)} stable at 100%. Window ${w.windowId}${opened ? `, opened ${utcMinute(opened.at)}` : ''}: ${steps.join(' → ') || 'no phase change audited'}. IC: ${icOf(w)}.`,
    '',
    '## KPI deltas at GA (canary against control)',
    '',
    ...kpiTable(readoutOf(w)),
    '',
    '## Gates at GA',
    '',
    ...gateTable(w.decisions),
    '',
    '## Anomalies met and resolved',
    '',
    ...anomalies(w),
    '',
    '## Key lessons',
    '',
    `- ${FILL_IN}: what went well`,
    `- ${FILL_IN}: what to change before the next window`,
    '',
  ].join('\n');
}

function anomalies(w: WindowEnd): string[] {
  const out: string[] = [];
  const open = new Map<string, { at: string; reason: string }>();
  for (const r of w.audit) {
    if (r.type === 'trigger' && r.state === 'breaching' && !open.has(String(r.id))) open.set(String(r.id), { at: r.at, reason: String(r.reason) });
    if (r.type === 'trigger' && r.state === 'armed') {
      const b = open.get(String(r.id));
      if (b) out.push(`- ${b.at.slice(11, 16)}–${r.at.slice(11, 16)} ${String(r.id)}: ${b.reason}; then ${String(r.reason)}`);
      open.delete(String(r.id));
    }
    if (r.type === 'action' && r.ok && (r.action === 'hold' || r.action === 'resume')) out.push(`- ${r.at.slice(11, 16)} ${String(r.action)} by ${r.operator}: ${String(r.reason)}`);
    if (r.type === 'lifecycle' && String(r.next ?? '').startsWith('stable timer restarted')) out.push(`- ${r.at.slice(11, 16)} at 100%, the ${String(r.next)}`);
    if (r.type === 'weight-drift') out.push(`- ${r.at.slice(11, 16)} weight changed outside canary-tui: ${String(r.reason)}`);
  }
  for (const [id, b] of open) out.push(`- ${b.at.slice(11, 16)} ${id} was still breaching at GA: ${b.reason}`);
  return out.length ? out : ['- none: no trigger breached, no hold, no restart of the stable timer'];
}
