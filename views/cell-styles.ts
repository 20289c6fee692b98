/** Gates and triggers as styled cells for the compact grid and the two-column trigger list. */
import type { StyledCell } from './CellList.js';
import { cellColumns, gateCell, NOW_WORD, triggerCell } from './grid-cells.js';
import { statusStyle, TRIGGER_STYLE } from './status-style.js';
import type { GateModel, TriggerModel } from './view-model.js';

/** Long enough for every default label ("Refund/void vs control"); a longer one is cut with "…". */
export const MAX_LABEL = 22;

export function gateCells(gates: GateModel[], width: number): StyledCell[] {
  const cols = cellColumns(gates, MAX_LABEL);
  return gates.map((g) => ({ key: g.id, ...statusStyle(g.status), ...gateCell(g, cols, width) }));
}

export function triggerCells(triggers: TriggerModel[], width: number): StyledCell[] {
  const cols = cellColumns(triggers, MAX_LABEL);
  return triggers.map((t) => ({ key: t.id, ...TRIGGER_STYLE[t.state], colorAll: true, ...triggerCell(t, cols, width) }));
}

/** "1 breaching · 0 fired": the short form of the triggers' title line. */
export function triggerSummary(triggers: TriggerModel[]): string {
  const count = (s: TriggerModel['state']) => triggers.filter((t) => t.state === s).length;
  return `${count('breaching')} breaching · ${count('fired')} fired`;
}

/** What a gates column needs: symbol, label, value. */
export function gateBaseWidth(gates: GateModel[]): number {
  const cols = cellColumns(gates, MAX_LABEL);
  return 2 + cols.label + 1 + cols.value;
}

/** What a trigger column needs to show its value ("now 96 ms") and a countdown ("fires in 5m50s") whole. */
export function triggerNeedWidth(triggers: TriggerModel[]): number {
  const cols = cellColumns(triggers, MAX_LABEL);
  return 2 + cols.label + 1 + NOW_WORD.length + cols.value + 1 + 'fires in 5m50s'.length;
}
