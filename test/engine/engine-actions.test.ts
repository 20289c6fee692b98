import { describe, expect, it } from 'vitest';
import type { Adapter, VerifyAnswer, WeightAnswer } from '../../src/adapters/adapter.js';
import { DryRunAdapter } from '../../src/adapters/dry-run.js';
import { checks, harness, syntheticFixture } from './synthetic.js';

describe('engine actions', () => {
  it('opens the window at 5% and confirms it by reading the weight back', async () => {
    const h = harness(syntheticFixture(30));
    const r = await h.engine.start();
    expect(r).toEqual({ ok: true, detail: 'set weight 5%; read back 5%' });
    expect(h.engine.state.weight).toBe(5);
    expect((await h.adapter.getWeight()).weight).toBe(5);
  });

  it('refuses to advance before the minimum time, naming what blocks it', async () => {
    const h = harness(syntheticFixture(30));
    await h.engine.start();
    await checks(h, 11);
    const r = await h.engine.actions.advance('alice', {});
    expect(r.ok).toBe(false);
    expect(r.detail).toContain('minimum time not served (11m of 1h30m)');
    expect(h.engine.state.weight).toBe(5);
    expect(h.audit.records.filter((x) => x.type === 'action')).toHaveLength(1);
  });

  it('an override needs a typed reason and is audited with the gate values', async () => {
    const h = harness(syntheticFixture(30));
    await h.engine.start();
    await checks(h, 3);
    expect((await h.engine.actions.advance('alice', { override: '   ' })).ok).toBe(false);
    const r = await h.engine.actions.advance('alice', { override: 'load test covered 25%' });
    expect(r.ok).toBe(true);
    expect(h.engine.state).toMatchObject({ phaseIndex: 1, weight: 25, status: 'running' });
    const rec = h.audit.records.at(-1)!;
    expect(rec).toMatchObject({ type: 'action', action: 'advance', operator: 'alice', fromWeight: 5, toWeight: 25, ok: true, verified: 'confirmed' });
    expect(rec.reason).toContain('OVERRIDE: load test covered 25%');
    expect(rec.gates).toContainEqual({ id: 'p95:checkout', status: 'GREEN', value: 90, threshold: 130 });
  });

  it('the 50% phase needs a recorded gate review before it may be left', async () => {
    const h = harness(syntheticFixture(30));
    await h.engine.start();
    await checks(h, 1);
    await h.engine.actions.advance('alice', { override: 'drill' });
    await h.engine.actions.advance('alice', { override: 'drill' });
    expect(h.engine.state.weight).toBe(50);
    const refused = await h.engine.actions.advance('alice', { override: 'drill' });
    expect(refused.detail).toContain('needs a recorded gate review');
    const ok = await h.engine.actions.advance('alice', { override: 'drill', approvedBy: 'CEO' });
    expect(ok.ok).toBe(true);
    expect(h.engine.state.weight).toBe(100);
    expect(h.audit.records.at(-1)!.reason).toContain('gate review approved by CEO');
  });

  it('hold freezes the weight: auto-advance does not move a held window', async () => {
    const h = harness(syntheticFixture(100), { autoAdvance: true });
    await h.engine.start();
    await checks(h, 1);
    await h.engine.actions.hold('alice');
    await checks(h, 95);
    expect(h.engine.state).toMatchObject({ status: 'held', phaseIndex: 0, weight: 5 });
    await h.engine.actions.resume('alice');
    await checks(h, 1);
    expect(h.engine.state).toMatchObject({ status: 'running', phaseIndex: 1, weight: 25 });
  });

  it('auto-advance leaves 5% at exactly the 90th minute when all gates are GREEN', async () => {
    const h = harness(syntheticFixture(100), { autoAdvance: true });
    await h.engine.start();
    await checks(h, 92);
    const phase = h.events.find((e) => e.type === 'phase' && e.phase === 2);
    expect(phase?.at).toBe('2026-11-20T05:30:00.000Z');
  });

  it('rollback sets the canary to 0 and reads it back', async () => {
    const h = harness(syntheticFixture(30));
    await h.engine.start();
    await checks(h, 2);
    const r = await h.engine.actions.rollback('alice', 'IC call');
    expect(r.ok).toBe(true);
    expect(h.engine.state).toMatchObject({ status: 'rolled-back', weight: 0 });
    expect((await h.adapter.getWeight()).weight).toBe(0);
    expect(h.events.filter((e) => e.type === 'action').at(-1)).toMatchObject({ action: 'rollback', fromWeight: 5, toWeight: 0, ok: true, operator: 'alice' });
  });

  it('never claims a rollback the load balancer did not confirm', async () => {
    const stuck = new (class extends DryRunAdapter implements Adapter {
      override async verify(): Promise<VerifyAnswer> {
        return { ok: true, weight: 5, detail: 'still 5%' };
      }
      override async setWeight(w: number): Promise<WeightAnswer> {
        return w === 0 ? { ok: true, weight: null, detail: 'accepted' } : super.setWeight(w);
      }
    })();
    const h = harness(syntheticFixture(30), {}, stuck);
    await h.engine.start();
    const r = await h.engine.actions.rollback('alice', 'IC call');
    expect(r).toEqual({ ok: false, detail: 'accepted; read back 5%, expected 0% (after 3 attempts)' });
    expect(h.engine.state).toMatchObject({ status: 'rolling-back', weight: 5 });
    expect(h.engine.unconfirmedRollback).toEqual({ since: Date.parse('2026-11-20T04:00:00Z'), detail: 'accepted; read back 5%, expected 0% (after 3 attempts)' });
    expect(h.audit.records.at(-1)).toMatchObject({ action: 'rollback', ok: false, verified: 'mismatch' });
  });

  it('retries a failed set with backoff on the engine clock and confirms once the LB answers', async () => {
    let failures = 2;
    const flaky = new (class extends DryRunAdapter {
      override async setWeight(w: number): Promise<WeightAnswer> {
        if (w === 0 && failures-- > 0) return { ok: false, weight: null, detail: 'socket busy' };
        return super.setWeight(w);
      }
    })();
    const h = harness(syntheticFixture(30), {}, flaky);
    await h.engine.start();
    const before = h.clock.now();
    const r = await h.engine.actions.rollback('alice', 'IC call');
    expect(r).toEqual({ ok: true, detail: 'set weight 0%; read back 0% (after 3 attempts)' });
    // 500 ms then 1000 ms of backoff, on the virtual clock.
    expect(h.clock.now() - before).toBe(1500);
    expect(h.engine.unconfirmedRollback).toBeNull();
    expect(h.engine.state.status).toBe('rolled-back');
  });

  it('a report is ready every 15 minutes of window time', async () => {
    const h = harness(syntheticFixture(61));
    await h.engine.start();
    await checks(h, 61);
    expect(h.events.filter((e) => e.type === 'report').map((e) => e.at.slice(11, 16))).toEqual(['04:15', '04:30', '04:45', '05:00']);
  });
});

describe('engine run loop', () => {
  it('a rollback by the IC while the loop waits ends the run as rolled back, not stopped', async () => {
    const h = harness(syntheticFixture(30));
    await h.engine.start();
    const stop = new AbortController();
    const run = h.engine.run(stop.signal);
    await h.engine.actions.rollback('alice', 'IC call');
    stop.abort();
    expect(await run).toBe('rolled-back');
  });
});
