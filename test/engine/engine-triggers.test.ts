import { describe, expect, it } from 'vitest';
import { checks, harness, syntheticFixture, type Bend } from './synthetic.js';

/** Canary checkout P95 at `ms` from minute `from` (inclusive) to `to` (exclusive). */
const checkoutP95 = (ms: number, from: number, to = Infinity): Bend => (kpi, track, journey, m, v) =>
  kpi === 'latency_p95' && track === 'canary' && journey === 'checkout' && m >= from && m < to ? ms : v;

describe('engine and triggers', () => {
  it('rolls back by itself ten minutes into a checkout P95 breach ("no debate")', async () => {
    const h = harness(syntheticFixture(40, checkoutP95(140, 10)));
    await h.engine.start();
    await checks(h, 40);
    expect(h.engine.state).toMatchObject({ status: 'rolled-back', weight: 0 });
    const rollback = h.events.find((e) => e.type === 'action' && e.action === 'rollback');
    expect(rollback).toMatchObject({ at: '2026-11-20T04:20:00.000Z', operator: 'canary-tui (auto)', ok: true, fromWeight: 5, toWeight: 0 });
    expect(h.events.find((e) => e.type === 'trigger' && e.state === 'fired')).toMatchObject({
      id: 'p95:checkout', reason: 'P95 checkout 140 ms > 120 ms for 10m across 11 checks',
    });
  });

  it('a breach that recovers at 9 minutes re-arms and never fires', async () => {
    const h = harness(syntheticFixture(40, checkoutP95(125, 10, 19)));
    await h.engine.start();
    await checks(h, 40);
    expect(h.engine.state.status).toBe('running');
    const states = h.events.filter((e) => e.type === 'trigger' && e.id === 'p95:checkout').map((e) => e.type === 'trigger' && `${e.at.slice(11, 16)} ${e.state}`);
    expect(states).toEqual(['04:10 breaching', '04:19 armed']);
  });

  it('on prompt policy a fired trigger recommends ROLLBACK but waits for the IC', async () => {
    const h = harness(syntheticFixture(40, checkoutP95(140, 10)), { onTrigger: 'prompt' });
    await h.engine.start();
    await checks(h, 25);
    expect(h.engine.state.status).toBe('running');
    expect(h.engine.decisions?.recommendation).toBe('ROLLBACK');
  });

  it('a gap in the data turns gates UNKNOWN and HOLD, never fires, and never counts as healthy', async () => {
    const gap: Bend = (kpi, track, journey, m, v) =>
      kpi === 'latency_p95' && track === 'canary' && journey === 'checkout' ? (m >= 10 ? (m < 25 ? null : 140) : v) : v;
    const h = harness(syntheticFixture(40, gap));
    await h.engine.start();
    await checks(h, 14);
    const gate = h.engine.decisions!.gates.find((g) => g.id === 'p95:checkout')!;
    expect(gate.status).toBe('UNKNOWN');
    expect(gate.reason).toBe('P95 checkout: UNKNOWN, latency_p95 canary checkout is stale (4m old)');
    expect(h.engine.decisions!.recommendation).toBe('HOLD');
    await checks(h, 16);
    expect(h.engine.state.status).toBe('running');
  });
});
