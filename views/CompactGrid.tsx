/**
 * The compact layout's core: every gate and every trigger, one short line
 * each, side by side. Gates get what symbol, label and value need (and the
 * limit when the terminal is wider); triggers get the rest, enough for a
 * countdown such as "fires in 5m50s" at 80 columns.
 */
import { Box, Text } from 'ink';
import { CellList } from './CellList.js';
import { gateBaseWidth, gateCells, triggerCells, triggerNeedWidth, triggerSummary } from './cell-styles.js';
import { Section } from './Section.js';
import type { ViewModel } from './view-model.js';

const GAP = 1;
/** Room a gate may take beyond its base: enough for "≥ limit 99.5%" and a short reason. */
const GATE_EXTRA = 26;
/** Less spare room than this buys a gate nothing ("≤ limit 130 ms" is 14, plus its space): the triggers keep it. */
const GATE_EXTRA_MIN = 15;

export function compactGridHeight(model: ViewModel): number {
  return 1 + Math.max(1, model.gates.length, model.triggers.length);
}

export function CompactGrid({ model, width }: { model: ViewModel; width: number }) {
  const base = gateBaseWidth(model.gates);
  const spare = width - GAP - triggerNeedWidth(model.triggers) - base;
  const gatesWidth = spare >= GATE_EXTRA_MIN ? base + Math.min(GATE_EXTRA, spare) : base;
  const triggersWidth = width - GAP - gatesWidth;
  const green = model.gates.filter((g) => g.status === 'GREEN').length;
  return (
    <Box flexShrink={0}>
      <Section title="Gates" aside={`${green}/${model.gates.length} GREEN`} width={gatesWidth}>
        <CellList cells={gateCells(model.gates, gatesWidth)} />
        {model.gates.length === 0 ? <Text dimColor>no check yet</Text> : null}
      </Section>
      <Box width={GAP} flexShrink={0} />
      <Section title="Rollback triggers" aside={triggerSummary(model.triggers)} width={triggersWidth}>
        <CellList cells={triggerCells(model.triggers, triggersWidth)} />
        {model.triggers.length === 0 ? <Text dimColor>no check yet</Text> : null}
      </Section>
    </Box>
  );
}
