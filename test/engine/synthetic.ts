/**
 * Small synthetic windows for engine tests: every KPI healthy for both
 * tracks, with a hook to bend any series at any minute.
 */
import { DEFAULT_POLICY, type Policy } from '../../rules/policy.js';
import { MemoryAuditLog } from '../../src/audit/audit-log.js';
import { DryRunAdapter } from '../../src/adapters/dry-run.js';
import type { Adapter } from '../../src/adapters/adapter.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Engine } from '../../src/engine/engine.js';
import type { EngineEvent } from '../../src/engine/events.js';
import type { Fixture } from '../../src/fixture/schema.js';
import { syntheticWindow } from '../../src/fixture/synthetic-window.js';
import { FixtureSource } from '../../src/sources/fixture-source.js';

export { SYNTHETIC_START as START, type Bend } from '../../src/fixture/synthetic-window.js';

/** Every KPI healthy for both tracks, one sample a minute, `bend` changing any series at any minute (src/fixture/synthetic-window.ts). */
export const syntheticFixture = syntheticWindow;

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
      release: { tag: 'v20261120.1', commit: '4f9c2ab', service: 'web-app', region: 'us-west-2', channel: '#ship-room', ceoHandle: '<@U0CEO>' },
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
