/**
 * The rollback triggers in two columns, for the 120×40 layout: one row per
 * trigger still, but half the height of the full list, which buys the rows
 * the KPI panels need. Each row keeps its countdown; the bar goes first.
 */
import { Box, Text } from 'ink';
import { CellList } from './CellList.js';
import { triggerCells } from './cell-styles.js';
import { Section } from './Section.js';
import type { TriggerModel } from './view-model.js';

const GAP = 2;

export const triggerGridHeight = (triggers: TriggerModel[]): number => 1 + Math.max(1, Math.ceil(triggers.length / 2));

export function TriggerGrid({ triggers, width }: { triggers: TriggerModel[]; width: number }) {
  const fired = triggers.filter((t) => t.state === 'fired').length;
  const breaching = triggers.filter((t) => t.state === 'breaching').length;
  const half = Math.ceil(triggers.length / 2);
  const left = Math.floor((width - GAP) / 2);
  const right = width - GAP - left;
  return (
    <Section title="Rollback triggers" aside={`${fired} fired · ${breaching} breaching · ${triggers.length - fired - breaching} armed`} width={width}>
      <Box>
        <Box flexDirection="column" width={left} flexShrink={0}>
          <CellList cells={triggerCells(triggers.slice(0, half), left)} />
        </Box>
        <Box width={GAP} flexShrink={0} />
        <Box flexDirection="column" width={right} flexShrink={0}>
          <CellList cells={triggerCells(triggers.slice(half), right)} />
        </Box>
      </Box>
      {triggers.length === 0 ? <Text dimColor>no check has run yet</Text> : null}
    </Section>
  );
}
