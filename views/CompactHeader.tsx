/**
 * The header in three unboxed lines for small terminals: release and mode;
 * phase, data age, progress and report countdown; status and recommendation.
 * Every line is built to the width; the reason is cut at a word, if at all.
 */
import { Box, Text } from 'ink';
import { formatDuration } from '../rules/format.js';
import { bar } from './bar.js';
import { clipWords, widthOf } from './fit.js';
import { InlineParts, type Part } from './InlineParts.js';
import { RECOMMENDATION_COLOR, statusStyle } from './status-style.js';
import type { ViewModel } from './view-model.js';

export const COMPACT_HEADER_HEIGHT = 3;
const PROGRESS_WIDTH = 10;

export function CompactHeader({ header: h, width }: { header: ViewModel['header']; width: number }) {
  // As printed below: the badge " MODE ", two spaces, the clock.
  const right = ` ${h.mode}   ${h.clock}`;
  const title = clipWords(h.title, Math.max(0, width - widthOf(right) - 1));
  const gap = Math.max(1, width - widthOf(title) - widthOf(right));
  const style = statusStyle(h.status);
  const lead = `${style.symbol} ${style.word}  ${h.recommendation} — `;
  const parts: Part[] = [
    h.dataStale ? { text: h.freshness, symbol: '▲', color: 'yellow' } : { text: h.freshness },
    { text: `[${bar(h.progress.elapsedMs, h.progress.requiredMs, PROGRESS_WIDTH)}] ${formatDuration(h.progress.elapsedMs)}/${formatDuration(h.progress.requiredMs)}` },
    h.report.late ? { text: h.report.text, symbol: '▲', color: 'yellow' } : { text: h.report.text },
  ];
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text wrap="truncate-end">
        <Text bold>{title}</Text>
        {' '.repeat(gap)}
        <Text inverse color={h.mode === 'LIVE' ? 'red' : 'magenta'}> {h.mode} </Text>
        {'  '}
        {h.clock}
      </Text>
      <InlineParts title={`${h.phase} · ${h.weight}% · ${h.windowStatus}`} parts={parts} width={width} />
      <Text wrap="truncate-end">
        <Text color={style.color}>{style.symbol} {style.word}</Text>
        {'  '}
        <Text bold color={RECOMMENDATION_COLOR[h.recommendation]}>{h.recommendation}</Text>
        {' — '}
        {clipWords(h.because, Math.max(0, width - widthOf(lead)))}
      </Text>
    </Box>
  );
}
