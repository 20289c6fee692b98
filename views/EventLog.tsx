/**
 * What happened, newest last, one line per event. Shows the tail only: the
 * full history is in the audit log, the screen has a fixed height.
 */
import { Text } from 'ink';
import { Section } from './Section.js';
import { TONE_COLOR } from './status-style.js';
import type { EventModel } from './view-model.js';

export function EventLog({ events, max = 5 }: { events: EventModel[]; max?: number }) {
  const shown = events.slice(-max);
  return (
    <Section title="Events">
      {shown.map((e, i) => (
        <Text key={`${events.length - shown.length + i}`} wrap="truncate" color={TONE_COLOR[e.tone]}>
          {e.at} {e.tone === 'error' ? '✖ ' : e.tone === 'warn' ? '▲ ' : ''}{e.text}
        </Text>
      ))}
      {events.length === 0 ? <Text dimColor>nothing yet</Text> : null}
    </Section>
  );
}
