/**
 * Issue 8, observations 3 and 5, on the virtual clock: an advance pressed
 * while a rollback waits for the load balancer used to run after it and put
 * the canary back at 25%; a rollback the IC asked for was tried 3 times and
 * then never again.
 */
import { describe, expect, it } from 'vitest';
import { ControllableAdapter } from './controllable-adapter.js';
import { checks, harness, syntheticFixture } from './synthetic.js';

/** Checkout P95 at 140 ms from the first minute: the 10-minute trigger fires at the 11th check. */
const slowCheckout = () => syntheticFixture(60, (kpi, track, journey, _m, v) => (kpi === 'latency_p95' && track === 'canary' && journey === 'checkout' ? 140 : v));

/** Lets queued promises run, within a bound, until `done` holds. */
async function until(what: string, done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setImmediate(r));
  if (!done()) throw new Error(`timed out waiting for ${what}`);
}

describe('a rollback in flight', () => {
  it('an override advance and an automatic advance issued while the rollback is pending move nothing after it', async () => {
    const adapter = new ControllableAdapter();
    const h = harness(slowCheckout(), { autoAdvance: true }, adapter);
    await h.engine.start();
    await checks(h, 10);
    expect(h.engine.state).toMatchObject({ status: 'running', weight: 5 });
    adapter.auto = null;
    const firing = h.engine.check(); // the trigger fires; the rollback waits for the load balancer
    await until('the rollback to reach the load balancer', () => adapter.pending.length === 1);
    expect(h.engine.state.status).toBe('rolling-back');
    const override = h.engine.actions.advance('alice', { override: 'I know better' });
    const auto = h.engine.commands.submit({ type: 'advance', operator: 'canary-tui (auto)', bound: { phaseIndex: 0, status: 'running', weight: 5 } });
    adapter.answer('ok');
    await firing;
    expect(await override).toMatchObject({ ok: false, detail: 'refused: window is rolled-back' });
    expect((await auto).ok).toBe(false);
    expect(adapter.applied).toEqual([5, 0]);
    expect(h.engine.state).toMatchObject({ status: 'rolled-back', weight: 0 });
    const moves = h.audit.records.filter((r) => r.type === 'action').map((r) => `${r.action} ${r.fromWeight}→${r.toWeight} ${r.ok}`);
    expect(moves).toEqual(['open 0→5 true', 'rollback 5→0 true']);
    expect(h.audit.records.filter((r) => r.type === 'refusal').map((r) => r.action)).toEqual(['advance', 'advance']);
  });

  it("the IC's rollback that the load balancer never confirms is retried at every check until 0% is read back", async () => {
    const adapter = new ControllableAdapter();
    const h = harness(syntheticFixture(60), {}, adapter);
    await h.engine.start();
    await checks(h, 2);
    adapter.auto = 'mismatch';
    const r = await h.engine.actions.rollback('alice', 'IC call');
    expect(r.ok).toBe(false);
    expect(h.engine.state).toMatchObject({ status: 'rolling-back', weight: 5 });
    await checks(h, 4);
    const tries = () => h.audit.records.filter((x) => x.type === 'action' && x.action === 'rollback').length;
    expect(tries()).toBe(5); // the IC's, then one per check, each itself tried 3 times
    expect(h.engine.state.status).toBe('rolling-back');
    adapter.auto = 'ok';
    await checks(h, 1);
    expect(h.engine.state).toMatchObject({ status: 'rolled-back', weight: 0 });
    expect(h.audit.records.filter((x) => x.type === 'action').at(-1)).toMatchObject({ action: 'rollback', operator: 'alice', ok: true, verified: 'confirmed' });
    await checks(h, 3);
    expect(tries()).toBe(6);
  });

  it('no other rollout command runs while a rollback is unconfirmed', async () => {
    const adapter = new ControllableAdapter();
    const h = harness(syntheticFixture(60), {}, adapter);
    await h.engine.start();
    await checks(h, 2);
    adapter.auto = 'failed';
    await h.engine.actions.rollback('alice', 'IC call');
    expect((await h.engine.actions.hold('alice')).detail).toBe('refused: window is rolling-back');
    expect((await h.engine.actions.advance('alice', { override: 'x' })).detail).toBe('refused: window is rolling-back');
    expect(adapter.applied).toEqual([5]);
  });
});
