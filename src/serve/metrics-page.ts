/**
 * One scrape of the demo exporter in Prometheus's text format (0.0.4): a
 * single gauge family, `canary_tui_demo`, labelled by KPI, track and journey,
 * which examples/demo-live.yaml queries; plus the replay's virtual time, so
 * a dashboard can show where in the drill the demo is.
 */
import type { Sample } from '../../rules/types.js';

const value = (v: number) => (Number.isNaN(v) ? 'NaN' : v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : String(v));

export function metricsPage(samples: readonly Sample[], virtualNow: number): string {
  const lines = [
    '# HELP canary_tui_demo A drill fixture\'s KPI, served by canary-tui serve.',
    '# TYPE canary_tui_demo gauge',
    ...samples.map((s) => `canary_tui_demo{kpi="${s.kpi}",track="${s.track}",journey="${s.journey}"} ${value(s.value)}`),
    '# HELP canary_tui_demo_virtual_time_seconds Where in the fixture the demo is.',
    '# TYPE canary_tui_demo_virtual_time_seconds gauge',
    `canary_tui_demo_virtual_time_seconds ${virtualNow / 1000}`,
  ];
  return `${lines.join('\n')}\n`;
}
