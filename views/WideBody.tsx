/**
 * The 200×60 war room, everything at once: latency table over the P95
 * chart; gates over the top anomalies; the five KPI panels stacked; then
 * every trigger with its full countdown row.
 */
import { Box } from 'ink';
import { AnomaliesPanel, ANOMALIES_HEIGHT } from './AnomaliesPanel.js';
import { EconomicsPanel, ECONOMICS_HEIGHT } from './EconomicsPanel.js';
import { ErrorsPanel, ERRORS_HEIGHT } from './ErrorsPanel.js';
import { FunnelsPanel, FUNNELS_HEIGHT } from './FunnelsPanel.js';
import { GatesPanel } from './GatesPanel.js';
import { InfraPanel, INFRA_HEIGHT } from './InfraPanel.js';
import { CHART_MIN_HEIGHT, LatencyChart } from './LatencyChart.js';
import { latencyHeight, LatencyPanel } from './LatencyPanel.js';
import { PaymentsPanel, PAYMENTS_HEIGHT } from './PaymentsPanel.js';
import { TriggersPanel } from './TriggersPanel.js';
import type { ViewModel } from './view-model.js';

const GAP = 2;
/** The latency table with "(not gated)" needs 59; the chart is as wide as the table. */
const COLUMN = 62;
/** The KPI panels print everything, notes included, in 52; past 60 they only gain blanks. */
const KPI = { min: 52, max: 60 } as const;

const kpiHeight = ERRORS_HEIGHT + PAYMENTS_HEIGHT + INFRA_HEIGHT + ECONOMICS_HEIGHT + FUNNELS_HEIGHT + 4;
const gatesColumnHeight = (m: ViewModel) => 1 + Math.max(1, m.gates.length) + 1 + ANOMALIES_HEIGHT;
const topHeight = (m: ViewModel) => Math.max(latencyHeight(m.latency) + 1 + CHART_MIN_HEIGHT, gatesColumnHeight(m), kpiHeight);

export const wideBodyHeight = (m: ViewModel): number => topHeight(m) + 1 + 1 + Math.max(1, m.triggers.length);

/** A blank row between stacked panels. */
const Spacer = () => <Box height={1} flexShrink={0} />;

export function WideBody({ model, width }: { model: ViewModel; width: number }) {
  const top = topHeight(model);
  // Spare columns go to the gates, whose reasons ("≤ 130 ms but > 120 ms rollback trigger") are the longest text.
  const kpi = Math.max(KPI.min, Math.min(KPI.max, width - 2 * COLUMN - 2 * GAP));
  const gates = width - COLUMN - kpi - 2 * GAP;
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Box height={top} flexShrink={0}>
        <Box flexDirection="column" width={COLUMN} flexShrink={0}>
          <LatencyPanel latency={model.latency} width={COLUMN} />
          <Spacer />
          <LatencyChart chart={model.chart} width={COLUMN} height={top - latencyHeight(model.latency) - 1} />
        </Box>
        <Box width={GAP} flexShrink={0} />
        <Box flexDirection="column" width={gates} flexShrink={0}>
          <GatesPanel gates={model.gates} width={gates} />
          <Spacer />
          <AnomaliesPanel anomalies={model.anomalies} none={model.noAnomalies} width={gates} />
        </Box>
        <Box width={GAP} flexShrink={0} />
        <Box flexDirection="column" width={kpi} flexShrink={0}>
          <ErrorsPanel errors={model.errors} width={kpi} />
          <Spacer />
          <PaymentsPanel payments={model.payments} width={kpi} />
          <Spacer />
          <InfraPanel infra={model.infra} width={kpi} />
          <Spacer />
          <EconomicsPanel economics={model.economics} width={kpi} />
          <Spacer />
          <FunnelsPanel funnels={model.funnels} width={kpi} />
        </Box>
      </Box>
      <Spacer />
      <TriggersPanel triggers={model.triggers} width={width} />
    </Box>
  );
}
