/**
 * 5xx and critical client-JS errors, split as the directive asks, each against
 * the error-rate gate; and the error-budget burn, which only a trigger watches.
 */
import { MetricLines } from './MetricLines.js';
import { Section } from './Section.js';
import type { ViewModel } from './view-model.js';

/** Title and three rows: layouts budget their rows with this. */
export const ERRORS_HEIGHT = 4;

export function ErrorsPanel({ errors, width }: { errors: ViewModel['errors']; width: number }) {
  return (
    <Section title="Errors" aside="canary/control · burn: share of the daily budget" width={width}>
      <MetricLines rows={[errors.fiveXx, errors.js, errors.budgetBurn]} width={width} />
    </Section>
  );
}
