/** Cache hit and DB pool saturation, canary beside control, each against its gate. */
import { MetricLines } from './MetricLines.js';
import { Section } from './Section.js';
import type { ViewModel } from './view-model.js';

export const INFRA_HEIGHT = 3;

export function InfraPanel({ infra, width }: { infra: ViewModel['infra']; width: number }) {
  return (
    <Section title="Infra" aside="canary/control" width={width}>
      <MetricLines rows={[infra.cacheHit, infra.dbSaturation]} width={width} />
    </Section>
  );
}
