/**
 * The #ship-room posts view (key t): the acknowledgement, T-2h, T-1h and
 * T-0 posts as the directive's templates fill them from the config and the
 * window now, one at a time, exactly as `canary-tui post` prints them and as
 * c, w and p send them. Long lines are cut on screen, never in what is sent.
 */
import { Box, Text } from 'ink';
import { POST_KINDS, type PostKind } from '../src/comms/release-posts.js';
import { clipWords } from './fit.js';

const FRAME = 4;
const TITLE: Record<PostKind, string> = { ack: 'ack', 't-2h': 'T-2h', 't-1h': 'T-1h', 't-0': 'T-0' };

/** Rows the view takes: border, title, a blank, the post's lines (at most `max`), border. */
export function postsHeight(text: string, max: number): number {
  return 4 + Math.min(text.split('\n').length, Math.max(1, max));
}

export function PostsOverlay({ shown, text, width, maxLines }: { shown: PostKind; text: string; width: number; maxLines: number }) {
  const inner = width - FRAME;
  const lines = text.split('\n');
  const room = Math.max(1, maxLines);
  const visible = lines.length > room ? [...lines.slice(0, room - 1), `… ${lines.length - room + 1} more line(s): c, w or p send the whole post`] : lines;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} flexShrink={0}>
      <Text wrap="truncate">
        <Text bold>#ship-room posts</Text>
        {POST_KINDS.map((k) => (k === shown ? <Text key={k} inverse bold>{` ${TITLE[k]} `}</Text> : <Text key={k} dimColor>{` ${TITLE[k]} `}</Text>))}
        <Text dimColor> (t next, Esc closes; c copies, w writes, p posts this one)</Text>
      </Text>
      <Text> </Text>
      {visible.map((line, i) => (
        <Text key={i} wrap="truncate">{clipWords(line, inner) || ' '}</Text>
      ))}
    </Box>
  );
}
