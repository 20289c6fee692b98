/**
 * Every key, including those not available right now (and why not), plus
 * the symbol legend: the one place to learn the screen during an incident.
 */
import { Box, Text } from 'ink';
import { KEY_ROWS, resolveKey } from './keys.js';
import { clipWords, widthOf } from './fit.js';
import { DANGER_MARK } from './Footer.js';
import { STATUS_STYLE, TRIGGER_STYLE } from './status-style.js';
import { INITIAL_UI } from './ui-state.js';
import type { ViewModel } from './view-model.js';

/** Border and padding on each side. */
const FRAME = 4;

/** The keys this window can ever offer: no replay keys live, no posts or pre-flight keys without a release to fill them. */
export function helpRows(model: ViewModel): typeof KEY_ROWS {
  return KEY_ROWS.filter((row) => (model.actions.replay !== null || !row.command.startsWith('replay.'))
    && (model.posts !== null || row.command !== 'posts.next')
    && (model.release !== null || !row.command.startsWith('preflight.')));
}

/** Rows the overlay takes: border, title, one row per key, a blank, the symbol legend (three), border. */
export const helpHeight = (model: ViewModel): number => helpRows(model).length + 7;

/** Given the terminal width, each explanation is cut at a word, never mid-word. */
export function HelpOverlay({ model, width }: { model: ViewModel; width?: number }) {
  const inner = width === undefined ? Infinity : width - FRAME;
  const fit = (lead: string, text: string) => (inner === Infinity ? text : clipWords(text, Math.max(0, inner - widthOf(lead))));
  const trigLegend = `  triggers: ${Object.entries(TRIGGER_STYLE).map(([state, s]) => `${s.symbol} ${state}`).join('   ')}`;
  const barNote = fit(`${trigLegend}   `, '[█░] time in breach of the trigger window');
  const rows = helpRows(model);
  const KEY_WIDTH = Math.max(...rows.map((row) => resolveKey(row, model).key.length));
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width}>
      <Text bold>Keys (Esc or ? closes this help)</Text>
      {rows.map((row) => {
        const k = resolveKey(row, model);
        // Availability as the dashboard would see it once this overlay is closed.
        const available = row.condition(model, INITIAL_UI);
        // Keys are one character but "space": pad them to one column so every label lines up.
        const key = k.key.padEnd(KEY_WIDTH);
        const lead = `  ${key}  ${k.label.padEnd(12)} ${k.dangerous ? `${DANGER_MARK} dangerous  ` : ''}`;
        const why = available ? '' : model.actions.terminal ? ' (window is decided)' : ' (not now)';
        return (
          <Text key={row.command} wrap="truncate" dimColor={!available}>
            {'  '}
            <Text bold color={k.dangerous ? 'red' : undefined}>{key}</Text>
            {'  '}
            {k.label.padEnd(12)} {k.dangerous ? `${DANGER_MARK} dangerous  ` : ''}
            {fit(lead, `${row.help}${why}`)}
          </Text>
        );
      })}
      <Text> </Text>
      <Text bold>Symbols</Text>
      <Text wrap="truncate">
        {'  '}gates: {Object.values(STATUS_STYLE).map((s) => `${s.symbol} ${s.word}`).join('   ')}
      </Text>
      <Text wrap="truncate">
        {trigLegend}
        {barNote ? `   ${barNote}` : ''}
      </Text>
    </Box>
  );
}
