/**
 * Observed: a weight changed behind canary-tui's back (40% set in the
 * HAProxy console while the window ran at 5%) went unnoticed; every panel and
 * report kept saying 5%. Each check now reads the weight back and reconciles.
 */
import { describe, expect, it } from 'vitest';
import { initialWindow } from '../../rules/phases.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { reconcileWeight } from '../../src/engine/weight-drift.js';

const running = { ...initialWindow(DEFAULT_POLICY, 0, 'running', 5) };
const read = (weight: number | null, ok = true) => ({ ok, weight, detail: 'read', at: 1 });

describe('reconcileWeight', () => {
  it('holds an open window at the weight read back, and says who did not set it', () => {
    const d = reconcileWeight(running, read(40))!;
    expect(d.next).toMatchObject({ status: 'held', weight: 40 });
    expect(d.message).toBe('the load balancer reads 40% but the window set 5%: changed outside canary-tui; holding at 40% until the IC decides');
    expect(d.next.holdReason).toBe(d.message);
  });

  it('a held window stays held at the new weight', () => {
    expect(reconcileWeight({ ...running, status: 'held' }, read(0))!.next).toMatchObject({ status: 'held', weight: 0 });
  });

  it('a READY window follows the load balancer without a word', () => {
    expect(reconcileWeight(initialWindow(DEFAULT_POLICY, 0, 'ready', 0), read(3))).toMatchObject({ next: { status: 'ready', weight: 3 }, message: null });
  });

  it('changes nothing when the weights agree, the read failed, or the window is decided', () => {
    expect(reconcileWeight(running, read(5))).toBeNull();
    expect(reconcileWeight(running, read(null, false))).toBeNull();
    expect(reconcileWeight({ ...running, status: 'promoted', weight: 100 }, read(40))).toBeNull();
    expect(reconcileWeight(running, null)).toBeNull();
  });
});
