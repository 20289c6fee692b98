/**
 * One-line cells for gates and triggers where the screen is short of room
 * (the compact layout, and the triggers' two columns at 120×40). Each cell is
 * built to its width: symbol, label and value always; the rest whole or not at
 * all, with the most useful part kept first ("fires in 5m50s" beats the bar).
 */
import { bar, cell } from './bar.js';
import { clipWords, widthOf } from './fit.js';
import { gateWords } from './gate-words.js';
import { fireText } from './trigger-text.js';
import type { GateModel, TriggerModel } from './view-model.js';

export interface CellColumns {
  label: number;
  value: number;
}

export interface GridCell {
  /** Label and value, padded to the columns. */
  head: string;
  /** What follows, already fitted: a limit, a countdown, why data is missing. */
  tail: string;
}

/** Cells in the trigger countdown bar: short, the note carries the exact time. */
const MINI_BAR = 6;

const head = (label: string, value: string, cols: CellColumns) => `${cell(label, cols.label)} ${cell(value, cols.value, 'right')}`;

/** Room after "S head " in a cell `width` wide. */
const roomAfter = (h: string, width: number) => width - 2 - widthOf(h) - 1;

/** Below this a cut note ("st…") says nothing: it is left out instead. */
const MIN_CLIP = 8;

/**
 * The first candidate that fits whole; else, when `clip` allows and there is
 * room to say something, the last one cut at a word; else nothing.
 */
function firstFitting(candidates: string[], room: number, clip = true): string {
  const fits = candidates.find((c) => c !== '' && widthOf(c) <= room);
  if (fits !== undefined) return fits;
  return clip && room >= MIN_CLIP ? clipWords(candidates.at(-1) ?? '', room) : '';
}

/**
 * A gate adds its comparison ("≤ limit 130 ms") and what the reason says
 * beyond it, whole if both fit. Short of room, a GREEN gate keeps only
 * "near limit" if it is in a warn band (else nothing: ✔ says it), any other
 * gate the news alone, cut at a word if it must be.
 */
export function gateCell(g: GateModel, cols: CellColumns, width: number): GridCell {
  const h = head(g.label, g.value, cols);
  const room = roomAfter(h, width);
  const { limit, news } = gateWords(g);
  const whole = news ? `${limit} ${news}` : limit;
  if (g.status === 'GREEN') return { head: h, tail: firstFitting(news ? [whole, `${limit} near limit`, 'near limit'] : [whole], room, false) };
  return { head: h, tail: firstFitting([whole, news.replace(/^but /, '') || limit], room) };
}

/** Before a trigger cell's value: "now  96 ms", so the cell never reads as "96 ms > 120 ms". */
export const NOW_WORD = 'now ';

/**
 * A trigger adds its condition ("fires > 120 ms for 10m", or without the
 * window where room is short); a breaching one its countdown instead, which
 * matters more; a fired one when; one without data why.
 */
export function triggerCell(t: TriggerModel, cols: CellColumns, width: number): GridCell {
  const h = `${cell(t.label, cols.label)} ${NOW_WORD}${cell(t.value, cols.value, 'right')}`;
  const room = roomAfter(h, width);
  const checks = `${Math.min(t.checks, t.checksNeeded)}/${t.checksNeeded}`;
  const [long, short] = [fireText(t), fireText(t, false)];
  let candidates: string[];
  if (t.state === 'breaching') candidates = [`[${bar(t.elapsedMs, t.windowMs, MINI_BAR)}] ${checks} ${t.note}`, `${checks} ${t.note}`, t.note];
  else if (t.state === 'fired') candidates = [`${long} · ${t.note}`, `${short} · ${t.note}`, t.note];
  else candidates = t.note === 'armed' ? [long, short] : [`${short} · ${t.note}`, t.note];
  return { head: h, tail: firstFitting(candidates, room, t.note !== 'armed') };
}

/** Label and value columns wide enough for every row, the label capped to leave room for the rest. */
export function cellColumns(rows: { label: string; value: string }[], maxLabel: number, minValue = 6): CellColumns {
  return {
    label: Math.min(maxLabel, Math.max(0, ...rows.map((r) => widthOf(r.label)))),
    value: Math.max(minValue, ...rows.map((r) => widthOf(r.value))),
  };
}
