/**
 * What happened, newest last, one line per event. Shows the tail only: the
 * full history is in the audit log, the screen has a fixed height.
 */
import { Text } from 'ink';
import { clipWords, widthOf } from './fit.js';
import { Section } from './Section.js';
import { TONE_COLOR } from './status-style.js';
import type { EventModel } from './view-model.js';

const MARK: Record<EventModel['tone'], string> = { error: '✖ ', warn: '▲ ', info: '' };

/** Given a width, each line is cut at a word rather than mid-word. */
export function EventLog({ events, max = 5, width }: { events: EventModel[]; max?: number; width?: number }) {
  const shown = max > 0 ? events.slice(-max) : [];
  return (
    <Section title="Events" width={width}>
      {shown.map((e, i) => {
        const lead = `${e.at} ${MARK[e.tone]}`;
        return (
          <Text key={`${events.length - shown.length + i}`} wrap="truncate" color={TONE_COLOR[e.tone]}>
            {lead}
            {width === undefined ? e.text : clipWords(e.text, Math.max(0, width - widthOf(lead)))}
          </Text>
        );
      })}
      {events.length === 0 ? <Text dimColor>nothing yet</Text> : null}
    </Section>
  );
}
