/**
 * Payment caps in one line for the compact layout, with the CEO flag first
 * when margin has moved: both are easy to miss and costly to miss.
 */
import { InlineParts, type Part } from './InlineParts.js';
import { capStyle } from './status-style.js';
import type { ViewModel } from './view-model.js';

export function CapsSummary({ payments, economics, width }: { payments: ViewModel['payments']; economics: ViewModel['economics']; width: number }) {
  const parts: Part[] = payments.caps.map((c) => ({ text: `${c.label} ${c.value} of ${c.cap}`, ...capStyle(c) }));
  if (economics.ceoTag) parts.unshift({ text: 'tag CEO (margin)', symbol: '▲', color: 'yellow', bold: true });
  return <InlineParts title="Caps" parts={parts} width={width} />;
}
