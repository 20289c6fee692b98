/**
 * Latency in one line for the compact layout: the phase's P95 gate, then
 * canary/control P95 per journey, gated ones with their status, as many as fit.
 */
import { InlineParts, type Part } from './InlineParts.js';
import { statusStyle } from './status-style.js';
import type { ViewModel } from './view-model.js';

export function LatencySummary({ latency, width }: { latency: ViewModel['latency']; width: number }) {
  const parts: Part[] = latency.rows.map((r) => {
    const text = `${r.journey} ${r.p95.canary}/${r.p95.control}`;
    if (!r.critical) return { text: `${text} (not gated)`, dim: r.stale };
    const s = statusStyle(r.p95.status);
    return { text, symbol: s.symbol, color: s.color, dim: r.stale };
  });
  return <InlineParts title={`Latency P95 ≤ ${latency.gateMs} ms`} parts={parts} width={width} />;
}
