/** The top three canary-against-control deviations, as the report lists them. */
import { Text } from 'ink';
import { Section } from './Section.js';

const SHOWN = 3;

export function AnomaliesPanel({ anomalies, width }: { anomalies: string[]; width?: number }) {
  return (
    <Section title="Top anomalies" width={width}>
      {anomalies.slice(0, SHOWN).map((text, i) => (
        <Text key={i} wrap="truncate">
          {i + 1}. {text}
        </Text>
      ))}
      {anomalies.length === 0 ? <Text dimColor>none: canary tracks control</Text> : null}
    </Section>
  );
}
