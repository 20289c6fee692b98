/**
 * The 80×24 war room: every gate and every trigger, one line each, then
 * latency and the payment caps in a line each. No chart, no journey table:
 * they come back at 120×40.
 */
import { Box } from 'ink';
import { CapsSummary } from './CapsSummary.js';
import { CompactGrid, compactGridHeight } from './CompactGrid.js';
import { LatencySummary } from './LatencySummary.js';
import type { ViewModel } from './view-model.js';

export const compactBodyHeight = (model: ViewModel): number => compactGridHeight(model) + 2;

export function CompactBody({ model, width }: { model: ViewModel; width: number }) {
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <CompactGrid model={model} width={width} />
      <LatencySummary latency={model.latency} width={width} />
      <CapsSummary payments={model.payments} economics={model.economics} width={width} />
    </Box>
  );
}
