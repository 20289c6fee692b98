/**
 * Payments: end-to-end success against its gate, refund/void canary beside
 * control (a trigger fires on their ratio), and the pre-flight caps the canary
 * spends against: "▲" from 80% of a cap, "✖" once it is reached.
 */
import { Text } from 'ink';
import { cell } from './bar.js';
import { widest, widthOf } from './fit.js';
import { MetricLines } from './MetricLines.js';
import { Section } from './Section.js';
import { capStyle } from './status-style.js';
import type { CapModel, ViewModel } from './view-model.js';

export const PAYMENTS_HEIGHT = 6;

export function PaymentsPanel({ payments, width }: { payments: ViewModel['payments']; width: number }) {
  const rows = [payments.e2e, payments.refundVoid];
  return (
    <Section title="Payments" aside="canary/control · caps: canary so far" width={width}>
      <MetricLines rows={rows} width={width} />
      <CapLines caps={payments.caps} width={width} label={widest(rows.map((r) => r.label))} />
    </Section>
  );
}

/** "▲ total        $1,230 of $1,500 82%": the share only where it fits. */
export function CapLines({ caps, width, label }: { caps: CapModel[]; width: number; label: number }) {
  const labelW = Math.max(label, widest(caps.map((c) => c.label)));
  const amounts = caps.map((c) => `${c.value} of ${c.cap}`);
  const amountW = widest(amounts);
  const withShare = 2 + labelW + 1 + amountW + 5 <= width;
  return (
    <>
      {caps.map((c, i) => {
        const style = capStyle(c);
        const share = withShare && c.share !== null ? ` ${cell(`${Math.round(c.share * 100)}%`, 4, 'right')}` : '';
        const text = `${cell(c.label, labelW)} ${cell(amounts[i]!, amountW, 'right')}${share}`;
        return (
          <Text key={c.id} wrap="truncate-end">
            <Text color={style.color}>{style.symbol}</Text> {widthOf(text) + 2 <= width ? text : cell(text, Math.max(0, width - 2))}
          </Text>
        );
      })}
    </>
  );
}
