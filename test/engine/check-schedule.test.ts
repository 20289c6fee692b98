/**
 * Checks keep to a grid from the first one, so a live window's reads fall
 * where a retrospective replay of the same window queries. Before, each
 * wait began when the last check ended and a 300 ms read pushed every later
 * check back by 300 ms.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { MemoryAuditLog } from '../../src/audit/audit-log.js';
import { DryRunAdapter } from '../../src/adapters/dry-run.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { nextCheckAt } from '../../src/engine/check-schedule.js';
import { Engine } from '../../src/engine/engine.js';
import type { Source, SourceResult } from '../../src/sources/source.js';
import { FixtureSource } from '../../src/sources/fixture-source.js';
import { START, syntheticFixture } from './synthetic.js';

describe('nextCheckAt', () => {
  it('is one interval after the last slot while the check fits in it', () => {
    expect(nextCheckAt(10_000, 10_300, 1000)).toBe(11_000);
    expect(nextCheckAt(10_000, 10_999, 1000)).toBe(11_000);
  });
  it('skips the slots a slow check overran, landing on the grid', () => {
    expect(nextCheckAt(10_000, 11_000, 1000)).toBe(12_000);
    expect(nextCheckAt(10_000, 13_400, 1000)).toBe(14_000);
  });
});

/** Each read takes `costMs` of the clock's time, like a slow Prometheus. */
class SlowSource implements Source {
  readonly name = 'slow';
  readonly readsAt: number[] = [];
  constructor(private readonly inner: Source, private readonly clock: VirtualClock, private readonly costMs: number, private readonly stopAfter: number, private readonly stop: AbortController) {}
  async read(at: number): Promise<SourceResult> {
    this.readsAt.push(at - START);
    this.clock.advance(this.costMs);
    if (this.readsAt.length >= this.stopAfter) this.stop.abort();
    return this.inner.read(at);
  }
}

describe('the check loop', () => {
  it.each([[300, [0, 1000, 2000, 3000, 4000]], [1400, [0, 2000, 4000, 6000, 8000]]])('reads at %i ms a read on the 1 s grid: %j', async (cost, expected) => {
    const clock = new VirtualClock(START);
    const stop = new AbortController();
    const source = new SlowSource(new FixtureSource(syntheticFixture(30)), clock, cost, 5, stop);
    const meta = {
      release: { tag: 'v20261120.1', commit: '4f9c2ab', service: 'web-app', region: 'us-west-2', channel: '#ship-room', ceoHandle: '<@U0CEO>' },
      mode: 'REHEARSAL' as const, speed: null, operator: 'alice', sourceName: 'slow', endsAt: null,
    };
    const engine = new Engine({ policy: { ...DEFAULT_POLICY, checkIntervalMs: 1000 }, clock, source, adapter: new DryRunAdapter(), audit: new MemoryAuditLog(), meta, open: 'at-start' });
    await engine.start();
    await engine.run(stop.signal);
    expect(source.readsAt).toEqual(expected);
  });
});
