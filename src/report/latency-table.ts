/** Fixed-width latency rows for a Slack code block: journey, then P50/P95/P99 as canary/control. */
import type { LatencyRow } from '../../rules/readout.js';

const ms = (x: number | null): string => (x === null ? '—' : x.toFixed(0));
const cell = (p: { canary: number | null; control: number | null }): string => `${ms(p.canary)}/${ms(p.control)}`.padStart(9);

export function latencyTable(rows: LatencyRow[]): string[] {
  const width = Math.max(8, ...rows.map((r) => r.journey.length + (r.critical ? 0 : 12)));
  const head = `${'journey'.padEnd(width)} ${'P50'.padStart(9)} ${'P95'.padStart(9)} ${'P99'.padStart(9)}`;
  return [
    head,
    ...rows.map((r) => {
      const name = r.critical ? r.journey : `${r.journey} (not gated)`;
      return `${name.padEnd(width)} ${cell(r.p50)} ${cell(r.p95)} ${cell(r.p99)}`;
    }),
  ];
}
