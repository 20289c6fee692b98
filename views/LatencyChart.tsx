/**
 * Canary P95 against control P95 over the current phase, with the phase's
 * P95 gate drawn flat. The box is exactly `width` × `height`; chart-text.ts
 * makes sure the plot, label gutter included, never runs past it.
 */
import { Box, Text } from 'ink';
import { chartRows, STROKE, type ChartSeries } from './chart-text.js';
import { fitParts } from './fit.js';
import type { ViewModel } from './view-model.js';

const COLOR: Record<ChartSeries, string | undefined> = { canary: 'cyan', control: undefined, threshold: 'red', axis: undefined };

/** Below this the plot is a smear: a title and at least four rows of chart. */
export const CHART_MIN_HEIGHT = 5;

export function LatencyChart({ chart, width, height }: { chart: ViewModel['chart']; width: number; height: number }) {
  const rows = chartRows({ canary: chart.canary, control: chart.control, threshold: chart.thresholdMs }, width, height - 1);
  const legend = [`${STROKE.canary} canary`, `${STROKE.control} control`, `${STROKE.threshold} gate ${chart.thresholdMs} ms`];
  const title = 'P95 this phase';
  const head = fitParts([title, ...legend], width, '  ');
  const rest = head.startsWith(title) ? head.slice(title.length) : '';
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      <Text wrap="truncate-end">
        <Text bold underline>{head.startsWith(title) ? title : head}</Text>
        <Text dimColor>{rest}</Text>
      </Text>
      {rows === null ? (
        <Text dimColor wrap="truncate-end">no P95 samples in this phase yet</Text>
      ) : (
        rows.map((segments, y) => (
          <Text key={y} wrap="truncate-end">
            {segments.map((s, i) => (
              <Text key={i} color={COLOR[s.series]} dimColor={s.series === 'axis' || s.series === 'control'}>
                {s.text}
              </Text>
            ))}
          </Text>
        ))
      )}
    </Box>
  );
}
