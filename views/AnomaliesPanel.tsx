/** The top three canary-against-control deviations, as the report lists them. */
import { Text } from 'ink';
import { clipWords } from './fit.js';
import { Section } from './Section.js';

const SHOWN = 3;

/** Title and three rows: layouts budget their rows with this. */
export const ANOMALIES_HEIGHT = 1 + SHOWN;

export function AnomaliesPanel({ anomalies, none = 'none above noise', width }: { anomalies: string[]; none?: string; width?: number }) {
  return (
    <Section title="Top anomalies" width={width}>
      {anomalies.slice(0, SHOWN).map((text, i) => (
        <Text key={i} wrap="truncate">
          {width === undefined ? `${i + 1}. ${text}` : clipWords(`${i + 1}. ${text}`, width)}
        </Text>
      ))}
      {anomalies.length === 0 ? <Text dimColor>{none}</Text> : null}
    </Section>
  );
}
