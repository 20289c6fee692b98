/**
 * The keys that work right now and nothing else: a key that is not listed
 * does nothing. Dangerous keys carry a "(!)" mark as well as red, for NO_COLOR.
 * When the window's keys and a replay's keys do not fit one line (80 columns
 * in a drill), the replay's go on a second line rather than being cut off.
 */
import { Box, Text } from 'ink';
import type { ActiveKey } from './keys.js';

export const DANGER_MARK = '(!)';

const widthOf = (k: ActiveKey): number => k.key.length + 2 + 1 + k.label.length + (k.dangerous ? DANGER_MARK.length + 1 : 0);
const lineWidth = (keys: ActiveKey[]): number => keys.reduce((w, k, i) => w + widthOf(k) + (i > 0 ? 2 : 0), 0);

/** The footer's lines at this width: one, or the window's keys and then the replay's. */
export function footerLines(keys: ActiveKey[], width: number): ActiveKey[][] {
  const replayFrom = keys.findIndex((k) => k.command.startsWith('replay.'));
  if (replayFrom <= 0 || lineWidth(keys) <= width) return [keys];
  return [keys.slice(0, replayFrom), keys.slice(replayFrom)];
}

export function Footer({ keys, hint, width }: { keys: ActiveKey[]; hint?: string; width: number }) {
  return (
    <Box flexShrink={0} flexDirection="column">
      {footerLines(keys, width).map((line, n) => (
        <Text key={n} wrap="truncate">
          {line.map((k, i) => (
            <Text key={k.command}>
              {i > 0 ? '  ' : ''}
              <Text inverse bold color={k.dangerous ? 'red' : undefined}> {k.key} </Text>
              <Text color={k.dangerous ? 'red' : undefined}> {k.label}{k.dangerous ? ` ${DANGER_MARK}` : ''}</Text>
            </Text>
          ))}
          {keys.length === 0 && hint ? <Text dimColor>{hint}</Text> : null}
        </Text>
      ))}
    </Box>
  );
}
