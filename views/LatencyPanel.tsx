/**
 * Canary beside control for every journey, P50/P95/P99. Only the P95 of a
 * critical journey is gated, so only it carries a status symbol; the others
 * say "(not gated)" instead of borrowing a ✔ they were never judged for.
 * Last-good values past the staleness limit are greyed.
 */
import { Box, Text } from 'ink';
import { cell } from './bar.js';
import { Section } from './Section.js';
import { statusStyle } from './status-style.js';
import type { LatencyRowModel, PairText, ViewModel } from './view-model.js';

/** 15 fits "organic-landing"; 9 fits "1234/1180" when a journey is badly slow. */
const W = { journey: 15, pair: 9 } as const;

const pair = (p: PairText): string => `${p.canary}/${p.control}`;

/** Title, column heads, one row per journey: layouts budget their rows with this. */
export const latencyHeight = (latency: ViewModel['latency']): number => 2 + Math.max(1, latency.rows.length);

/** What the table needs, "(not gated)" included: the layouts give it this much. */
export const LATENCY_WIDTH = 59;

export function LatencyPanel({ latency, width }: { latency: ViewModel['latency']; width?: number }) {
  return (
    <Section title="Latency" aside={`ms canary/control · P95 gate ≤ ${latency.gateMs} ms`} width={width}>
      <Text dimColor wrap="truncate">
        {cell('journey', W.journey)} {cell('P50', W.pair, 'right')}   {cell('P95', W.pair, 'right')} {cell('P99', W.pair, 'right')}
      </Text>
      {latency.rows.map((row) => (
        <LatencyRow key={row.journey} row={row} />
      ))}
      {latency.rows.length === 0 ? <Text dimColor>no journeys configured</Text> : null}
    </Section>
  );
}

function LatencyRow({ row }: { row: LatencyRowModel }) {
  const style = statusStyle(row.p95.status);
  return (
    <Box>
      <Text wrap="truncate">
        {cell(row.journey, W.journey)} <Text dimColor={row.stale}>{cell(pair(row.p50), W.pair, 'right')}</Text>{' '}
        {row.critical ? <Text color={style.color}>{style.symbol}</Text> : ' '}{' '}
        <Text dimColor={row.stale}>{cell(pair(row.p95), W.pair, 'right')} {cell(pair(row.p99), W.pair, 'right')}</Text>
        {row.critical ? '' : <Text dimColor> (not gated)</Text>}
      </Text>
    </Box>
  );
}
