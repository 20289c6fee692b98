/**
 * The rows of a KPI panel: symbol (gate status or trigger state), label,
 * canary/control, and Δ, limit and note as the width allows. Every row is
 * built to fit, so nothing wraps into the panel below. Last-good values
 * past the staleness limit are greyed; the note says how old they are.
 */
import { Text } from 'ink';
import { metricColumns, metricText } from './metric-columns.js';
import { markStyle } from './status-style.js';
import type { MetricRowModel } from './view-model.js';

export function MetricLines({ rows, width }: { rows: MetricRowModel[]; width: number }) {
  const cols = metricColumns(rows, width);
  return (
    <>
      {rows.map((row) => {
        const style = markStyle(row.mark);
        const { label, values, limit, note } = metricText(row, cols);
        return (
          <Text key={row.id} wrap="truncate-end">
            <Text color={style.color}>{style.symbol}</Text> {label} <Text dimColor={row.stale}>{values}</Text>
            {limit ? ` ${limit}` : ''}
            {note ? <Text dimColor> {note}</Text> : null}
          </Text>
        );
      })}
    </>
  );
}
