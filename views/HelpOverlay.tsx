/**
 * Every key, including those not available right now (and why not), plus
 * the symbol legend: the one place to learn the screen during an incident.
 */
import { Box, Text } from 'ink';
import { KEY_ROWS, resolveKey } from './keys.js';
import { DANGER_MARK } from './Footer.js';
import { STATUS_STYLE, TRIGGER_STYLE } from './status-style.js';
import { INITIAL_UI } from './ui-state.js';
import type { ViewModel } from './view-model.js';

export function HelpOverlay({ model }: { model: ViewModel }) {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Keys (Esc or ? closes this help)</Text>
      {KEY_ROWS.map((row) => {
        const k = resolveKey(row, model);
        // Availability as the dashboard would see it once this overlay is closed.
        const available = row.condition(model, INITIAL_UI);
        return (
          <Text key={row.command} wrap="truncate" dimColor={!available}>
            {'  '}
            <Text bold color={k.dangerous ? 'red' : undefined}>{k.key}</Text>
            {'  '}
            {k.label.padEnd(12)} {k.dangerous ? `${DANGER_MARK} dangerous  ` : ''}
            {row.help}
            {available ? '' : model.actions.terminal ? ' (window is decided)' : ' (not now)'}
          </Text>
        );
      })}
      <Text> </Text>
      <Text bold>Symbols</Text>
      <Text wrap="truncate">
        {'  '}gates: {Object.values(STATUS_STYLE).map((s) => `${s.symbol} ${s.word}`).join('   ')}
      </Text>
      <Text wrap="truncate">
        {'  '}triggers: {Object.entries(TRIGGER_STYLE).map(([state, s]) => `${s.symbol} ${state}`).join('   ')}
        {'   '}[█░] time in breach of the trigger window
      </Text>
    </Box>
  );
}
