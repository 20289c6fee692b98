/**
 * A healthy canary, as gauges the test exporter serves under the names
 * examples/prometheus.yaml queries. Tests bend one value (a checkout P95
 * regression, a histogram with no traffic) and watch canary-tui react.
 */
export interface GaugeSink {
  set(name: string, labels: Record<string, string>, value: number): void;
}

export const JOURNEYS = ['checkout', 'search', 'organic-landing'];
const TRACKS = ['canary', 'control'] as const;

const P95: Record<string, number> = { all: 92, checkout: 100, search: 86, 'organic-landing': 72 };

/** Sets every KPI healthy for both tracks; `journeys` lets a benchmark ask for more than three. */
export function healthyScenario(sink: GaugeSink, journeys: string[] = JOURNEYS): void {
  for (const track of TRACKS) {
    for (const journey of ['all', ...journeys]) setLatency(sink, track, journey, P95[journey] ?? 90);
    const one = (name: string, value: number, extra: Record<string, string> = {}) => sink.set(name, { track, ...extra }, value);
    one('web_requests_per_check', track === 'canary' ? 1000 : 19000);
    one('web_error_ratio', 0.001, { kind: '5xx' });
    one('web_error_ratio', 0.0015, { kind: 'js' });
    one('web_error_budget_burn_ratio', 0.01);
    one('payments_e2e_success_ratio', 0.9985);
    one('payments_refund_void_ratio', 0.004);
    one('payments_tx_total', track === 'canary' ? 12 : 240);
    one('payments_usd_total', track === 'canary' ? 168 : 3360);
    one('payments_max_tx_usd', 18.5);
    one('cache_hit_ratio', 0.91);
    one('db_pool_saturation_ratio', 0.55);
    one('cost_per_user_usd', 0.042);
    one('cost_per_request_usd', 0.0031);
    one('margin_ratio', 0.62);
    one('ai_markup_ratio', 4.6);
    one('funnel_conversion_ratio', 0.031, { segment: 'b2c' });
    one('funnel_conversion_ratio', 0.084, { segment: 'b2b' });
  }
}

/** P50/P95/P99 of one journey on one track, from its P95. */
export function setLatency(sink: GaugeSink, track: string, journey: string, p95: number): void {
  sink.set('web_latency_ms', { track, journey, quantile: '0.5' }, p95 * 0.45);
  sink.set('web_latency_ms', { track, journey, quantile: '0.95' }, p95);
  sink.set('web_latency_ms', { track, journey, quantile: '0.99' }, p95 * 1.6);
}
