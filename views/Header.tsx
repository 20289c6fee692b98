/**
 * The top of the war room: which release, what mode, where the window stands
 * and what to do about it. The recommendation is the loudest thing on screen.
 */
import { Box, Text } from 'ink';
import type { WindowStatus } from '../rules/phases.js';
import { formatDuration } from '../rules/format.js';
import { bar } from './bar.js';
import { clipWords, widthOf } from './fit.js';
import { RECOMMENDATION_COLOR, statusStyle } from './status-style.js';
import type { ViewModel } from './view-model.js';

const PROGRESS_WIDTH = 20;

const WINDOW_COLOR: Record<WindowStatus, string | undefined> = {
  ready: 'cyan',
  running: undefined,
  'rolling-back': 'red',
  held: 'yellow',
  'rolled-back': 'red',
  promoted: 'green',
};

/** Border and padding on each side. */
const FRAME = 4;

/** Given the terminal width, the reason is cut at a word rather than mid-word by Ink. */
export function Header({ header, width, release = null }: { header: ViewModel['header']; width?: number; release?: ViewModel['release'] }) {
  const style = statusStyle(header.status);
  const lead = `${style.symbol} ${style.word}   ${header.recommendation} — `;
  const because = width === undefined ? header.because : clipWords(header.because, Math.max(0, width - FRAME - widthOf(lead)));
  const right = ` ${header.mode}  ${header.clock} · ${header.dataStale ? '▲ ' : ''}${header.freshness}`;
  const title = width === undefined ? header.title : clipWords(header.title, Math.max(0, width - FRAME - widthOf(right) - 1));
  const { elapsedMs, requiredMs } = header.progress;
  // A live window is never REHEARSAL-coloured: the badge is what tells a drill from production.
  const badgeColor = header.mode === 'LIVE' ? 'red' : 'magenta';
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} flexShrink={0} width={width}>
      <Box>
        <Box flexGrow={1} flexShrink={1}>
          <Text bold wrap="truncate">{title}</Text>
        </Box>
        <Box flexShrink={0}>
          <Text inverse color={badgeColor}> {header.mode} </Text>
          <Text> {header.clock}</Text>
          {/* Stale data is marked by a symbol as well as colour, for NO_COLOR. */}
          <Text color={header.dataStale ? 'yellow' : undefined} dimColor={!header.dataStale}>
            {' · '}
            {header.dataStale ? '▲ ' : ''}
            {header.freshness}
          </Text>
        </Box>
      </Box>
      <Text wrap="truncate">
        {header.phase} · {header.weight}% · <Text color={WINDOW_COLOR[header.windowStatus]}>{header.windowStatus}</Text>
        {/* Before the window and after GA the lifecycle is what matters; during it, the phase's time (the stable timer at 100%). */}
        {release && release.stage !== 'RUNNING' && release.stage !== 'HELD' && release.stage !== 'STABLE AT 100%' ? (
          <Text>{'   '}<Text bold color={release.go || release.stage.startsWith('FREEZE') ? undefined : 'yellow'}>{release.stage}</Text> · {release.next}</Text>
        ) : (
          <Text>{'   '}[{bar(elapsedMs, requiredMs, PROGRESS_WIDTH)}] {formatDuration(elapsedMs)} of {formatDuration(requiredMs)} {release?.stage === 'STABLE AT 100%' ? `stable at ${header.weight}%` : 'in phase'}</Text>
        )}
      </Text>
      <Text wrap="truncate">
        <Text color={style.color}>{style.symbol} {style.word}</Text>
        {'   '}
        <Text bold color={RECOMMENDATION_COLOR[header.recommendation]}>{header.recommendation}</Text>
        <Text> — {because}</Text>
      </Text>
      <Text wrap="truncate" dimColor>
        {release?.ic ? `IC ${release.ic} · ` : ''}
        {header.report.late ? <Text color="yellow" dimColor={false}>▲ {header.report.text}</Text> : header.report.text} · adapter: {header.adapter}
      </Text>
    </Box>
  );
}
