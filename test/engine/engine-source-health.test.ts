import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { MemoryAuditLog } from '../../src/audit/audit-log.js';
import { DryRunAdapter } from '../../src/adapters/dry-run.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Engine } from '../../src/engine/engine.js';
import type { EngineEvent } from '../../src/engine/events.js';
import type { Source, SourceResult } from '../../src/sources/source.js';
import { FixtureSource } from '../../src/sources/fixture-source.js';
import { buildViewModel } from '../../views/build-view-model.js';
import { START, syntheticFixture } from './synthetic.js';

/** A source that can be switched off, like a Prometheus that dies mid-window. */
class SwitchableSource implements Source {
  readonly name = 'switchable';
  down = false;
  /** Prometheus down while the billing API still answers: only the economics come through. */
  billingOnly = false;
  constructor(private readonly inner: Source) {}
  async read(at: number): Promise<SourceResult> {
    const refused = { kind: 'unreachable' as const, kpi: 'latency_p95' as const, message: 'latency_p95: Prometheus 127.0.0.1:9090: cannot connect (ECONNREFUSED)' };
    if (this.down) return { samples: [], problems: [refused] };
    if (this.billingOnly) {
      const all = await this.inner.read(at);
      return { samples: all.samples.filter((x) => ['cost_per_user', 'cost_per_request', 'margin', 'markup'].includes(x.kpi)), problems: [refused] };
    }
    return this.inner.read(at);
  }
}

function setup(policy = {}) {
  const clock = new VirtualClock(START);
  const source = new SwitchableSource(new FixtureSource(syntheticFixture(200)));
  const meta = {
    release: { tag: 'v20261120.1', commit: '4f9c2ab', service: 'web-app', region: 'us-west-2', channel: '#ship-room', ceoHandle: '<@U0CEO>' },
    mode: 'LIVE' as const, speed: null, operator: 'alice', sourceName: 'switchable', endsAt: null,
  };
  const engine = new Engine({ policy: { ...DEFAULT_POLICY, checkIntervalMs: 60_000, staleAfterMs: 120_000, autoAdvance: true, ...policy }, clock, source, adapter: new DryRunAdapter(), audit: new MemoryAuditLog(), meta, open: 'at-start' });
  const events: EngineEvent[] = [];
  engine.on((e) => events.push(e));
  const tick = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await engine.check();
      clock.advance(60_000);
    }
  };
  const view = () => buildViewModel({ meta, policy: engine.policy, state: engine.state, decisions: engine.decisions, snapshot: engine.store.snapshot(), events, adapter: 'dry-run', flash: null, health: engine.health, now: clock.now() });
  return { engine, source, events, tick, view };
}

describe('a data source that goes away', () => {
  it('banner, one error line, no advance (not even by override), then recovery', async () => {
    const { engine, source, events, tick, view } = setup();
    await engine.start();
    await tick(85);
    source.down = true;
    await tick(3);
    expect(view().banner).toBe('DATA SOURCE UNREACHABLE for 3m: panels show the last good values, greyed, 4m old; advancing is blocked');
    expect(events.filter((e) => e.type === 'error')).toHaveLength(1);
    expect(engine.decisions!.gates.find((g) => g.id === 'p95:all')!.status).toBe('UNKNOWN');
    const refused = await engine.actions.advance('alice', { override: 'we are sure' });
    expect(refused).toEqual({ ok: false, detail: 'refused: data source unreachable for 3m; no data: every gated KPI is UNKNOWN' });
    await tick(1);
    expect(engine.state).toMatchObject({ phaseIndex: 0, weight: 5, status: 'running' });
    source.down = false;
    await tick(2);
    expect(view().banner).toBeNull();
    expect(engine.state.phaseIndex).toBe(1);
  });

  it('no data for the configured time holds the window; a trigger never fires on it', async () => {
    const { engine, source, events, tick } = setup({ noDataHoldAfterMs: 5 * 60_000 });
    await engine.start();
    await tick(10);
    source.down = true;
    await tick(7);
    expect(engine.state.status).toBe('held');
    const hold = events.find((e) => e.type === 'action' && e.action === 'hold');
    expect(hold).toMatchObject({ operator: 'canary-tui (auto)', ok: true, at: '2026-11-20T04:14:00.000Z' });
    expect(events.some((e) => e.type === 'trigger' && e.state === 'fired')).toBe(false);
  });

  it('a canary with too little traffic is UNKNOWN, not GREEN', async () => {
    const { engine, tick } = setup({ minCanaryRequests: 5000 });
    await engine.start();
    await tick(1);
    const gate = engine.decisions!.gates.find((g) => g.id === 'errors:5xx')!;
    expect(gate.status).toBe('UNKNOWN');
    expect(gate.reason).toBe('5xx rate: UNKNOWN, too little canary traffic (1000 < 5000 requests)');
  });

  it('Prometheus down while billing answers: its gates are UNKNOWN at once, the banner says so, and nothing advances', async () => {
    const { engine, source, tick, view } = setup();
    await engine.start();
    await tick(3);
    source.billingOnly = true;
    await tick(1);
    const gates = Object.fromEntries(engine.decisions!.gates.map((g) => [g.id, g.status]));
    expect(gates['p95:all']).toBe('UNKNOWN');
    expect(gates['econ:markup']).toBe('GREEN');
    expect(view().banner).toMatch(/^DATA SOURCE UNREACHABLE/);
    const r = await engine.actions.advance('alice', { override: 'billing looks fine' });
    expect(r.detail).toMatch(/^refused: data source unreachable/);
  });
});
