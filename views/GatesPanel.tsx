/**
 * One row per gate of the current phase. The limit is printed beside the
 * value so nobody has to remember the directive; a gate that is not GREEN
 * also shows the tail of its reason (stale data, warning line crossed).
 */
import { Box, Text } from 'ink';
import { cell } from './bar.js';
import { Section } from './Section.js';
import { statusStyle } from './status-style.js';
import type { GateModel } from './view-model.js';

const W = { label: 20, value: 8, threshold: 12 } as const;

/**
 * The reason repeats the label, the status and the value already on the row;
 * print only what it adds ("stale (4m old)", "but > 120 ms rollback trigger").
 */
export function reasonTail(gate: GateModel): string {
  let rest = gate.reason;
  for (const known of [gate.label, gate.status, gate.value]) {
    rest = rest.replace(/^[:,\s]+/, '');
    if (rest.startsWith(known)) rest = rest.slice(known.length);
  }
  return rest.replace(/^[:,\s]+/, '');
}

export function GatesPanel({ gates, width, flexGrow }: { gates: GateModel[]; width?: number; flexGrow?: number }) {
  const green = gates.filter((g) => g.status === 'GREEN').length;
  return (
    <Section title="Gates" aside={`${green}/${gates.length} GREEN`} width={width} flexGrow={flexGrow}>
      {gates.map((gate) => {
        const style = statusStyle(gate.status);
        return (
          <Box key={gate.id}>
            <Text wrap="truncate">
              <Text color={style.color}>{style.symbol}</Text> {cell(gate.label, W.label)} {cell(gate.value, W.value, 'right')}{' '}
              {cell(`limit ${gate.threshold}`, W.threshold)}
              {gate.status === 'GREEN' ? '' : <Text dimColor> {reasonTail(gate)}</Text>}
            </Text>
          </Box>
        );
      })}
      {gates.length === 0 ? <Text dimColor>no check has run yet</Text> : null}
    </Section>
  );
}
