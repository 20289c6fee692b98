/**
 * Unit economics: cost per user (gated ±5% against control), cost per request,
 * margin and AI markup; and, whatever the gates say, whether the margin has
 * moved far enough from control that the CEO must be tagged.
 */
import { Text } from 'ink';
import { clipWords } from './fit.js';
import { MetricLines } from './MetricLines.js';
import { Section } from './Section.js';
import type { ViewModel } from './view-model.js';

/** Always six rows, tagged or not, so the layout does not jump when the flag comes and goes. */
export const ECONOMICS_HEIGHT = 6;

export function EconomicsPanel({ economics: e, width }: { economics: ViewModel['economics']; width: number }) {
  return (
    <Section title="Economics" aside="canary/control · Δ vs control" width={width}>
      <MetricLines rows={[e.costPerUser, e.costPerRequest, e.margin, e.markup]} width={width} />
      {e.ceoTag ? (
        <Text wrap="truncate-end" color="yellow" bold>
          {clipWords(`▲ tag CEO: ${e.ceoTag}`, width)}
        </Text>
      ) : (
        <Text wrap="truncate-end" dimColor>
          {clipWords(`  ${e.marginNote ?? 'margin within limits: no CEO tag'}`, width)}
        </Text>
      )}
    </Section>
  );
}
