/**
 * The header's report indicator. The directive wants a report in
 * #ship-room every 15 minutes; people forget under stress, so the header
 * says when the next one is due, says so again when it is due, and turns
 * YELLOW (with a symbol, for NO_COLOR) when a due report has been neither
 * posted nor copied within five minutes. Saving it to a file does not count:
 * nobody in the room reads the window's folder.
 */
import { formatCalmDuration, formatDuration, utcTime } from '../rules/format.js';
import type { WindowState } from '../rules/phases.js';
import type { Policy } from '../rules/policy.js';
import { REPORT_DUE_WITHIN_MS } from '../src/engine/drill-score.js';

/** How long a due report may wait before the indicator turns YELLOW: the drill score's own bound. */
export const REPORT_LATE_AFTER_MS = REPORT_DUE_WITHIN_MS;

export interface ReportDeliveries {
  /** When the last report fell due (the engine's `report` event); null before the first. */
  dueAt: number | null;
  /** When a report was last posted or copied (a successful post, a clipboard or OSC 52 copy); null if never. */
  deliveredAt: number | null;
}

export interface ReportIndicator {
  text: string;
  late: boolean;
}

export function reportIndicator(policy: Policy, state: WindowState, deliveries: ReportDeliveries | undefined, now: number): ReportIndicator {
  const due = deliveries?.dueAt ?? null;
  const outstanding = due !== null && (deliveries?.deliveredAt ?? -Infinity) < due;
  if (outstanding && now - due >= REPORT_LATE_AFTER_MS) {
    return { text: `report of ${utcTime(due)} not posted or copied for ${formatDuration(now - due)}`, late: true };
  }
  if (outstanding) return { text: `report of ${utcTime(due)} due: c copies, p posts`, late: false };
  if (state.status === 'rolled-back' || state.status === 'promoted') return { text: 'no more reports: the window is decided', late: false };
  return { text: `next report in ${formatCalmDuration((state.lastReportAt ?? now) + policy.reportEveryMs - now)}`, late: false };
}

/** The toast when a report falls due. */
export function reportDueToast(at: number, postsTo: string | null): string {
  return `report of ${utcTime(at)} is due: c copies it${postsTo ? `, p posts it to ${postsTo}` : ''}; it turns YELLOW if not out within ${formatDuration(REPORT_LATE_AFTER_MS)}`;
}
