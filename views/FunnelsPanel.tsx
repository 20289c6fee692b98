/**
 * B2C and B2B conversion, canary beside control. The Δ is the plain change
 * against control ("-0.4%": the canary converts less), in the one sign every
 * panel uses; the gate's floor is printed in that sign too ("≥ -5%").
 */
import { MetricLines } from './MetricLines.js';
import { Section } from './Section.js';
import type { ViewModel } from './view-model.js';

export const FUNNELS_HEIGHT = 3;

export function FunnelsPanel({ funnels, width }: { funnels: ViewModel['funnels']; width: number }) {
  return (
    <Section title="Funnels" aside="conversion canary/control" width={width}>
      <MetricLines rows={[funnels.b2c, funnels.b2b]} width={width} />
    </Section>
  );
}
