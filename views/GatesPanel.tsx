/**
 * One row per gate of the current phase. The limit is printed beside the
 * value so nobody has to remember the directive; a gate that is not GREEN
 * also shows the tail of its reason (stale data, warning line crossed).
 */
import { Box, Text } from 'ink';
import { cell } from './bar.js';
import { clipWords } from './fit.js';
import { reasonTail } from './reason-tail.js';
import { Section } from './Section.js';
import { statusStyle } from './status-style.js';
import type { GateModel } from './view-model.js';

const W = { label: 20, value: 8, threshold: 12 } as const;
/** Symbol, label, value and limit with their spaces: what a row uses before the reason. */
const ROW = 2 + W.label + 1 + W.value + 1 + W.threshold;
/** A reason cut shorter than this says nothing ("st…"): it is left out. */
const MIN_REASON = 8;

export function GatesPanel({ gates, width, flexGrow }: { gates: GateModel[]; width?: number; flexGrow?: number }) {
  const green = gates.filter((g) => g.status === 'GREEN').length;
  return (
    <Section title="Gates" aside={`${green}/${gates.length} GREEN`} width={width} flexGrow={flexGrow}>
      {gates.map((gate) => {
        const style = statusStyle(gate.status);
        // Given a width, the limit is printed whole or not at all, and the reason cut at a word.
        const limit = width === undefined || width >= ROW;
        const room = width === undefined ? Infinity : width - ROW - 1;
        const tail = gate.status === 'GREEN' || !limit || room < MIN_REASON ? '' : room === Infinity ? reasonTail(gate) : clipWords(reasonTail(gate), room);
        return (
          <Box key={gate.id}>
            <Text wrap="truncate">
              <Text color={style.color}>{style.symbol}</Text> {cell(gate.label, W.label)} {cell(gate.value, W.value, 'right')}
              {limit ? ` ${cell(`limit ${gate.threshold}`, W.threshold)}` : ''}
              {tail ? <Text dimColor> {tail}</Text> : null}
            </Text>
          </Box>
        );
      })}
      {gates.length === 0 ? <Text dimColor>no check has run yet</Text> : null}
    </Section>
  );
}
