/** A drill replayed at any speed takes the same decisions at the same virtual times. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { MemoryAuditLog } from '../../src/audit/audit-log.js';
import { DryRunAdapter } from '../../src/adapters/dry-run.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Engine } from '../../src/engine/engine.js';
import type { EngineEvent } from '../../src/engine/events.js';
import { FixtureSource } from '../../src/sources/fixture-source.js';
import { START, syntheticFixture } from './synthetic.js';

/** Checkout P95 stepping up to 140 ms at `from` (minutes) for `minutes`, then back. */
const fixture = (from: number, minutes: number) => syntheticFixture(150, (kpi, track, journey, m, v) =>
  kpi === 'latency_p95' && track === 'canary' && journey === 'checkout' && m >= from && m < from + minutes ? 140 : v);

async function replay(from: number, minutes: number, speed: number): Promise<string[]> {
  const f = fixture(from, minutes);
  const engine = new Engine({
    policy: { ...DEFAULT_POLICY, checkIntervalMs: 60_000, staleAfterMs: 180_000, autoAdvance: true, phases: DEFAULT_POLICY.phases.map((p) => ({ ...p, minDurationMs: 20 * 60_000 })) },
    clock: new VirtualClock(START, speed), source: new FixtureSource(f), adapter: new DryRunAdapter(), audit: new MemoryAuditLog(),
    meta: { release: { tag: 't', commit: 'c', service: 's', region: 'r', channel: '#c', ceoHandle: '<@U0CEO>' }, mode: 'REHEARSAL', speed, operator: 'ic', sourceName: 'f', endsAt: Date.parse(f.end) },
  });
  const seen: EngineEvent[] = [];
  engine.on((e) => seen.push(e));
  await engine.start();
  await engine.run(new AbortController().signal);
  return seen.filter((e) => e.type !== 'report').map((e) => JSON.stringify(e));
}

describe('replay speed', () => {
  it('gives the same events, in order and at the same virtual times, at any speed', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 20 }), fc.constantFrom(20_000, 1e5, 1e6), async (from, minutes, speed) => {
      expect(await replay(from, minutes, speed)).toEqual(await replay(from, minutes, Number.POSITIVE_INFINITY));
    }), { numRuns: 8 });
  }, 60_000);
});
