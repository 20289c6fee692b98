/**
 * The top of the war room: which release, what mode, where the window stands
 * and what to do about it. The recommendation is the loudest thing on screen.
 */
import { Box, Text } from 'ink';
import type { WindowStatus } from '../rules/phases.js';
import { formatDuration } from '../rules/format.js';
import { bar } from './bar.js';
import { RECOMMENDATION_COLOR, statusStyle } from './status-style.js';
import type { ViewModel } from './view-model.js';

const PROGRESS_WIDTH = 20;

const WINDOW_COLOR: Record<WindowStatus, string | undefined> = {
  running: undefined,
  held: 'yellow',
  'rolled-back': 'red',
  promoted: 'green',
};

export function Header({ header }: { header: ViewModel['header'] }) {
  const style = statusStyle(header.status);
  const { elapsedMs, requiredMs } = header.progress;
  // A live window is never REHEARSAL-coloured: the badge is what tells a drill from production.
  const badgeColor = header.mode === 'LIVE' ? 'red' : 'magenta';
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} flexShrink={0}>
      <Box>
        <Box flexGrow={1} flexShrink={1}>
          <Text bold wrap="truncate">{header.title}</Text>
        </Box>
        <Box flexShrink={0}>
          <Text inverse color={badgeColor}> {header.mode} </Text>
          <Text> {header.clock}</Text>
        </Box>
      </Box>
      <Text wrap="truncate">
        {header.phase} · {header.weight}% · <Text color={WINDOW_COLOR[header.windowStatus]}>{header.windowStatus}</Text>
        {'   '}[{bar(elapsedMs, requiredMs, PROGRESS_WIDTH)}] {formatDuration(elapsedMs)} of {formatDuration(requiredMs)} in phase
      </Text>
      <Text wrap="truncate">
        <Text color={style.color}>{style.symbol} {style.word}</Text>
        {'   '}
        <Text bold color={RECOMMENDATION_COLOR[header.recommendation]}>{header.recommendation}</Text>
        <Text> — {header.because}</Text>
      </Text>
      <Text wrap="truncate" dimColor>
        next report in {header.nextReportIn} · adapter: {header.adapter}
      </Text>
    </Box>
  );
}
