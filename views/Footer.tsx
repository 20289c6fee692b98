/**
 * The keys that work right now and nothing else: a key that is not listed
 * does nothing. Dangerous keys carry a "(!)" mark as well as red, for NO_COLOR.
 */
import { Box, Text } from 'ink';
import type { ActiveKey } from './keys.js';

export const DANGER_MARK = '(!)';

export function Footer({ keys, hint }: { keys: ActiveKey[]; hint?: string }) {
  return (
    <Box flexShrink={0}>
      <Text wrap="truncate">
        {keys.map((k, i) => (
          <Text key={k.command}>
            {i > 0 ? '  ' : ''}
            <Text inverse bold color={k.dangerous ? 'red' : undefined}> {k.key} </Text>
            <Text color={k.dangerous ? 'red' : undefined}> {k.label}{k.dangerous ? ` ${DANGER_MARK}` : ''}</Text>
          </Text>
        ))}
        {keys.length === 0 && hint ? <Text dimColor>{hint}</Text> : null}
      </Text>
    </Box>
  );
}
