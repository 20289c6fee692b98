/**
 * A titled block without a border: the header is the only boxed element, so
 * the panels fit 120×40 with room for the event log (borders cost two rows each).
 * Given a width, the aside is printed whole or not at all, never cut mid-word.
 */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { clipWords, widthOf } from './fit.js';

export function Section(props: { title: string; aside?: string; children: ReactNode; width?: number; flexGrow?: number }) {
  const { width } = props;
  const title = width === undefined ? props.title : clipWords(props.title, width);
  const aside = props.aside && (width === undefined || widthOf(title) + 1 + widthOf(props.aside) <= width) ? props.aside : '';
  return (
    <Box flexDirection="column" width={width} flexGrow={props.flexGrow} flexShrink={width === undefined ? 1 : 0}>
      <Text wrap="truncate">
        <Text bold underline>{title}</Text>
        {aside ? <Text dimColor> {aside}</Text> : null}
      </Text>
      {props.children}
    </Box>
  );
}
