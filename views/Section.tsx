/**
 * A titled block without a border: the header is the only boxed element, so
 * the panels fit 120×40 with room for the event log (borders cost two rows each).
 */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

export function Section(props: { title: string; aside?: string; children: ReactNode; width?: number; flexGrow?: number }) {
  return (
    <Box flexDirection="column" width={props.width} flexGrow={props.flexGrow} flexShrink={props.width === undefined ? 1 : 0}>
      <Text wrap="truncate">
        <Text bold underline>{props.title}</Text>
        {props.aside ? <Text dimColor> {props.aside}</Text> : null}
      </Text>
      {props.children}
    </Box>
  );
}
