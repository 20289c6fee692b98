/**
 * Small synthetic windows for engine tests: every KPI healthy for both
 * tracks, with a hook to bend any series at any minute.
 */
import { DEFAULT_POLICY, type Policy } from '../../rules/policy.js';
import { OVERALL, type KpiId, type Track } from '../../rules/types.js';
import { MemoryAuditLog } from '../../src/audit/audit-log.js';
import { DryRunAdapter } from '../../src/adapters/dry-run.js';
import type { Adapter } from '../../src/adapters/adapter.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Engine } from '../../src/engine/engine.js';
import type { EngineEvent } from '../../src/engine/events.js';
import type { Fixture } from '../../src/fixture/schema.js';
import { FixtureSource } from '../../src/sources/fixture-source.js';

export const START = Date.parse('2026-11-20T04:00:00Z');
const JOURNEYS = [OVERALL, 'checkout', 'search', 'organic-landing'];

const HEALTHY: Partial<Record<KpiId, number>> = {
  latency_p50: 40, latency_p95: 90, latency_p99: 150,
  error_5xx_rate: 0.001, error_js_rate: 0.0015, error_budget_burn: 0.01,
  payments_e2e_success: 0.9985, refund_void_rate: 0.004,
  payments_tx_count: 10, payments_usd_total: 140, payments_max_tx_usd: 18,
  cache_hit: 0.91, db_pool_saturation: 0.55,
  cost_per_user: 0.042, cost_per_request: 0.0031, margin: 0.62, markup: 4.6,
  funnel_b2c_conversion: 0.031, funnel_b2b_conversion: 0.084, requests: 1000,
};

export type Bend = (kpi: KpiId, track: Track, journey: string, minute: number, healthy: number) => number | null;

export function syntheticFixture(minutes: number, bend: Bend = (_k, _t, _j, _m, v) => v): Fixture {
  const series: Fixture['series'] = [];
  for (const [kpi, healthy] of Object.entries(HEALTHY) as [KpiId, number][]) {
    const journeys = kpi.startsWith('latency_') ? JOURNEYS : [OVERALL];
    for (const journey of journeys) {
      for (const track of ['canary', 'control'] as const) {
        const samples: [number, number | null][] = [];
        for (let m = 0; m <= minutes; m++) samples.push([START / 1000 + m * 60, bend(kpi, track, journey, m, healthy)]);
        series.push({ kpi, track, journey, samples });
      }
    }
  }
  return {
    version: 1, name: 'synthetic', description: '', start: new Date(START).toISOString(),
    end: new Date(START + minutes * 60_000).toISOString(), stepSeconds: 60, config: {}, series,
  };
}

export interface Harness {
  engine: Engine;
  clock: VirtualClock;
  audit: MemoryAuditLog;
  events: EngineEvent[];
  adapter: Adapter;
}

/** An engine on a virtual clock checking every minute; nothing waits in real time. */
export function harness(fixture: Fixture, policy: Partial<Policy> = {}, adapter: Adapter = new DryRunAdapter()): Harness {
  const clock = new VirtualClock(Date.parse(fixture.start));
  const audit = new MemoryAuditLog();
  const engine = new Engine({
    policy: { ...DEFAULT_POLICY, checkIntervalMs: 60_000, staleAfterMs: 180_000, ...policy },
    clock, source: new FixtureSource(fixture), adapter, audit,
    meta: {
      release: { tag: 'v20261120.1', commit: '4f9c2ab', service: 'web-app', region: 'us-west-2', channel: '#ship-room', ceoHandle: '@ceo' },
      mode: 'REHEARSAL', speed: null, operator: 'alice', sourceName: 'synthetic', endsAt: Date.parse(fixture.end),
    },
  });
  const events: EngineEvent[] = [];
  engine.on((e) => events.push(e));
  return { engine, clock, audit, events, adapter };
}

/** Runs `n` checks one minute apart, driving the clock by hand. */
export async function checks(h: Harness, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await h.engine.check();
    h.clock.advance(60_000);
  }
}
