/**
 * Below 80×24 (a split pane, a phone over ssh) even the compact grid would
 * be taller than the terminal, and a frame taller than the terminal scrolls
 * its header away: the IC would see gate rows but not the status, the weight
 * or the recommendation. So the header stays, and the body shows what needs
 * eyes first, worst first (fired, RED, breaching, UNKNOWN, YELLOW, then the
 * rest), as many lines as fit, and says how many it left out.
 */
import { Box, Text } from 'ink';
import { gateCells, triggerCells, triggerSummary } from './cell-styles.js';
import { CellList, type StyledCell } from './CellList.js';
import { clipWords } from './fit.js';
import type { ViewModel } from './view-model.js';

const GATE_RANK = { RED: 1, UNKNOWN: 3, YELLOW: 4, GREEN: 5 } as const;
const TRIGGER_RANK = { fired: 0, breaching: 2, armed: 6 } as const;

/** Gates and triggers, the most urgent first; armed triggers are only counted. */
export function urgentCells(model: ViewModel, width: number): StyledCell[] {
  const gates = gateCells(model.gates, width).map((c, i) => ({ c: { ...c, key: `gate ${c.key}` }, rank: GATE_RANK[model.gates[i]!.status], i }));
  const triggers = triggerCells(model.triggers, width).map((c, i) => ({ c: { ...c, key: `trigger ${c.key}` }, rank: TRIGGER_RANK[model.triggers[i]!.state], i: i + gates.length }));
  return [...gates, ...triggers].filter((x) => x.rank < 6).sort((a, b) => a.rank - b.rank || a.i - b.i).map((x) => x.c);
}

export function TinyBody({ model, width, rows }: { model: ViewModel; width: number; rows: number }) {
  if (rows <= 0) return null;
  const green = model.gates.filter((g) => g.status === 'GREEN').length;
  const cells = urgentCells(model, width);
  const room = rows - 1;
  const shown = cells.length > room ? cells.slice(0, Math.max(0, room - 1)) : cells;
  const left = cells.length - shown.length;
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Text wrap="truncate-end" bold>
        {clipWords(`${green}/${model.gates.length} GREEN · ${triggerSummary(model.triggers)}`, width)}
      </Text>
      <CellList cells={shown} />
      {left > 0 && room > 0 ? <Text dimColor wrap="truncate-end">{clipWords(`+${left} more: 80×24 shows every gate`, width)}</Text> : null}
    </Box>
  );
}
