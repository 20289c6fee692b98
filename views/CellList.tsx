/** Rows of fitted cells (grid-cells.ts): a coloured symbol, the head, a dimmed tail. */
import { Text } from 'ink';
import type { GridCell } from './grid-cells.js';

export interface StyledCell extends GridCell {
  key: string;
  symbol: string;
  color: string | undefined;
  /** Trigger rows take their state's colour whole; gate rows colour only the symbol. */
  colorAll?: boolean;
}

export function CellList({ cells }: { cells: StyledCell[] }) {
  return (
    <>
      {cells.map((c) => (
        <Text key={c.key} wrap="truncate-end" color={c.colorAll ? c.color : undefined}>
          <Text color={c.color}>{c.symbol}</Text> {c.head}
          {c.tail ? <Text dimColor={!c.colorAll}> {c.tail}</Text> : null}
        </Text>
      ))}
    </>
  );
}
