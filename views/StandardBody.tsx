/**
 * The 120×40 war room: the skeleton's latency table and gates side by side,
 * errors, infra and funnels under the table, payments, economics and the top
 * anomalies in a band, then the triggers in two columns. The chart appears
 * only when the terminal is taller than the target and the App gives it rows.
 */
import { Box } from 'ink';
import { AnomaliesPanel, ANOMALIES_HEIGHT } from './AnomaliesPanel.js';
import { EconomicsPanel, ECONOMICS_HEIGHT } from './EconomicsPanel.js';
import { ErrorsPanel, ERRORS_HEIGHT } from './ErrorsPanel.js';
import { FunnelsPanel, FUNNELS_HEIGHT } from './FunnelsPanel.js';
import { GatesPanel } from './GatesPanel.js';
import { InfraPanel, INFRA_HEIGHT } from './InfraPanel.js';
import { LatencyChart } from './LatencyChart.js';
import { LATENCY_WIDTH, latencyHeight, LatencyPanel } from './LatencyPanel.js';
import { PaymentsPanel, PAYMENTS_HEIGHT } from './PaymentsPanel.js';
import { TriggerGrid, triggerGridHeight } from './TriggerGrid.js';
import type { ViewModel } from './view-model.js';

const GAP = 1;
/** Payments fits its caps whole in 36; economics its Δ column in 41; anomalies get the rest. */
const BAND = { payments: 36, economics: 41 } as const;

export function standardBodyHeight(model: ViewModel): number {
  const left = latencyHeight(model.latency) + Math.max(ERRORS_HEIGHT, INFRA_HEIGHT) + FUNNELS_HEIGHT;
  const right = 1 + Math.max(1, model.gates.length);
  const band = Math.max(PAYMENTS_HEIGHT, ECONOMICS_HEIGHT, ANOMALIES_HEIGHT);
  return Math.max(left, right) + band + triggerGridHeight(model.triggers);
}

export function StandardBody({ model, width, chartHeight = 0 }: { model: ViewModel; width: number; chartHeight?: number }) {
  const left = Math.min(LATENCY_WIDTH, width);
  const half = Math.floor((left - GAP) / 2);
  const anomalies = width - BAND.payments - BAND.economics - 2 * GAP;
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Box>
        <Box flexDirection="column" width={left} flexShrink={0}>
          <LatencyPanel latency={model.latency} width={left} />
          <Box>
            <ErrorsPanel errors={model.errors} width={half} />
            <Box width={left - 2 * half} flexShrink={0} />
            <InfraPanel infra={model.infra} width={half} />
          </Box>
          <FunnelsPanel funnels={model.funnels} width={left} />
        </Box>
        <Box width={GAP} flexShrink={0} />
        <GatesPanel gates={model.gates} width={width - left - GAP} />
      </Box>
      <Box>
        <PaymentsPanel payments={model.payments} width={BAND.payments} />
        <Box width={GAP} flexShrink={0} />
        <EconomicsPanel economics={model.economics} width={BAND.economics} />
        <Box width={GAP} flexShrink={0} />
        <AnomaliesPanel anomalies={model.anomalies} none={model.noAnomalies} width={anomalies} />
      </Box>
      {chartHeight > 0 ? <LatencyChart chart={model.chart} width={width} height={chartHeight} /> : null}
      <TriggerGrid triggers={model.triggers} width={width} />
    </Box>
  );
}
