/**
 * One look per Status. Every status carries a distinct symbol as well as a
 * colour, so the screen still reads under NO_COLOR or on a monochrome tmux.
 */
import type { Recommendation } from '../rules/evaluate.js';
import type { Status } from '../rules/types.js';
import type { CapModel, EventModel, RowMark, TriggerModel } from './view-model.js';

export interface StatusStyle {
  symbol: string;
  color: string;
  /** The word printed where a symbol alone would be ambiguous (header, help). */
  word: Status;
}

export const STATUS_STYLE: Record<Status, StatusStyle> = {
  GREEN: { symbol: '✔', color: 'green', word: 'GREEN' },
  YELLOW: { symbol: '▲', color: 'yellow', word: 'YELLOW' },
  RED: { symbol: '✖', color: 'red', word: 'RED' },
  UNKNOWN: { symbol: '?', color: 'gray', word: 'UNKNOWN' },
};

export function statusStyle(status: Status): StatusStyle {
  return STATUS_STYLE[status];
}

/** The recommendation is always printed as its word; colour only repeats it. */
export const RECOMMENDATION_COLOR: Record<Recommendation, string> = {
  GO: 'green',
  'NO-GO': 'yellow',
  HOLD: 'yellow',
  ROLLBACK: 'red',
};

/** Event log, flash and notices share three tones. */
export const TONE_COLOR: Record<EventModel['tone'], string | undefined> = {
  info: undefined, // the terminal's own foreground: white vanishes on light themes
  warn: 'yellow',
  error: 'red',
};

/** Trigger states are not Statuses: armed is the normal, quiet case. */
export const TRIGGER_STYLE: Record<TriggerModel['state'], { symbol: string; color: string | undefined }> = {
  armed: { symbol: '·', color: undefined },
  breaching: { symbol: '▲', color: 'yellow' },
  fired: { symbol: '✖', color: 'red' },
};

/** A KPI row's symbol: its gate's status, its trigger's state ("?" before the first check), or none. */
export function markStyle(mark: RowMark): { symbol: string; color: string | undefined } {
  if (mark.by === 'gate') return STATUS_STYLE[mark.status];
  if (mark.by === 'trigger') return mark.state === null ? { symbol: '?', color: 'gray' } : TRIGGER_STYLE[mark.state];
  return { symbol: ' ', color: undefined };
}

/** A payment cap's symbol: an unknown count is "?", never within the cap. */
export function capStyle(cap: Pick<CapModel, 'share' | 'tone'>): { symbol: string; color: string | undefined } {
  if (cap.share === null) return { symbol: '?', color: 'gray' };
  if (cap.tone === 'error') return { symbol: '✖', color: 'red' };
  if (cap.tone === 'warn') return { symbol: '▲', color: 'yellow' };
  return { symbol: '✔', color: 'green' };
}
