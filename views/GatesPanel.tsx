/**
 * One row per gate of the current phase. The comparison is printed beside the
 * value ("140.6 ms > limit 120 ms") so nobody has to remember the directive;
 * what the reason adds beyond it follows: a warning line crossed, stale data,
 * or, on a GREEN gate in a team's warn band, "near limit".
 */
import { Box, Text } from 'ink';
import { cell } from './bar.js';
import { clipWords, widthOf } from './fit.js';
import { gateWords } from './gate-words.js';
import { Section } from './Section.js';
import { statusStyle } from './status-style.js';
import type { GateModel } from './view-model.js';

const W = { label: 20, value: 8 } as const;
/** Symbol, label and value with their spaces: what a row uses before its comparison. */
const HEAD = 2 + W.label + 1 + W.value;
/** A reason cut shorter than this says nothing ("st…"): it is left out. */
const MIN_REASON = 8;

export function GatesPanel({ gates, width, flexGrow }: { gates: GateModel[]; width?: number; flexGrow?: number }) {
  const green = gates.filter((g) => g.status === 'GREEN').length;
  return (
    <Section title="Gates" aside={`${green}/${gates.length} GREEN`} width={width} flexGrow={flexGrow}>
      {gates.map((gate) => {
        const style = statusStyle(gate.status);
        // Given a width, the comparison is printed whole or not at all, and the reason cut at a word.
        const words = gateWords(gate);
        const used = HEAD + 1 + widthOf(words.limit);
        const limit = width === undefined || width >= used;
        const room = width === undefined ? Infinity : width - used - 1;
        const tail = !words.news || !limit || room < MIN_REASON ? '' : room === Infinity ? words.news : clipWords(words.news, room);
        return (
          <Box key={gate.id}>
            <Text wrap="truncate">
              <Text color={style.color}>{style.symbol}</Text> {cell(gate.label, W.label)} {cell(gate.value, W.value, 'right')}
              {limit ? ` ${words.limit}` : ''}
              {tail ? <Text dimColor> {tail}</Text> : null}
            </Text>
          </Box>
        );
      })}
      {gates.length === 0 ? <Text dimColor>no check has run yet</Text> : null}
    </Section>
  );
}
