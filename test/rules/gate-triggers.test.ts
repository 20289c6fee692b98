/**
 * The directive's other YELLOW: "any KPI whose trigger is breaching". The gate
 * is decided first; withBreachingTriggers turns a GREEN gate YELLOW while a
 * trigger on the same KPI breaches, and says which trigger and when it fires.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGate, gatesForPhase, withBreachingTriggers, type TriggerRowLike } from '../../rules/gates.js';
import { DEFAULT_POLICY, type Policy } from '../../rules/policy.js';
import { ARMED, triggerDefs } from '../../rules/triggers.js';
import { canaryAt, ctx, gateDef, healthy, MINUTE, NOW, triggerDef } from './helpers.js';

const gates = (entries = [canaryAt('db_pool_saturation', 0.75)]) =>
  gatesForPhase(DEFAULT_POLICY, DEFAULT_POLICY.phases[0]!).map((d) => evaluateGate(d, ctx([...healthy(), ...entries])));

/** A team whose DB trigger (70%) is stricter than its gate (80%): the gate can pass while the trigger breaches. */
const STRICT_DB: Policy = { ...DEFAULT_POLICY, triggers: { ...DEFAULT_POLICY.triggers, dbSaturation: { ...DEFAULT_POLICY.triggers.dbSaturation, threshold: 0.7 } } };

const breaching = (id: string, remainingMs: number | null = 4 * MINUTE): TriggerRowLike => ({
  def: triggerDef(id, STRICT_DB), state: { state: 'breaching', since: NOW, checks: 1, value: 0 }, remainingMs,
});

describe('withBreachingTriggers', () => {
  it('turns the GREEN gate of a breaching trigger YELLOW, citing that trigger', () => {
    const out = withBreachingTriggers(gates(), [breaching('infra:db')]);
    expect(out.find((g) => g.id === 'infra:db')).toMatchObject({
      status: 'YELLOW',
      reason: 'DB pool saturation 75% ≤ limit 80% but trigger DB saturation breaching (fires > 70% for 10m, in 4m)',
    });
    expect(out.filter((g) => g.status !== 'GREEN').map((g) => g.id)).toEqual(['infra:db']);
  });

  it('a breach with no countdown says so without one', () => {
    const out = withBreachingTriggers(gates(), [breaching('infra:db', null)]);
    expect(out.find((g) => g.id === 'infra:db')?.reason).toBe('DB pool saturation 75% ≤ limit 80% but trigger DB saturation breaching (fires > 70% for 10m)');
  });

  it('leaves gates alone when every trigger is armed', () => {
    const before = gates();
    expect(withBreachingTriggers(before, triggerDefs(DEFAULT_POLICY).map((def) => ({ def, state: ARMED, remainingMs: null })))).toEqual(before);
  });

  it('a trigger with no gate of its own (refund/void) changes no gate', () => {
    expect(withBreachingTriggers(gates(), [breaching('payments:refund-void')]).every((g) => g.status === 'GREEN')).toBe(true);
  });

  it('never makes a RED or UNKNOWN gate look better', () => {
    const red = gates([canaryAt('db_pool_saturation', 0.85)]);
    expect(withBreachingTriggers(red, [breaching('infra:db')]).find((g) => g.id === 'infra:db')).toMatchObject({ status: 'RED' });
  });

  it('every gated KPI with a trigger shares the trigger’s id, so the match is by id', () => {
    const gateIds = new Set(gatesForPhase(DEFAULT_POLICY, DEFAULT_POLICY.phases[0]!).map((g) => g.id));
    const paired = triggerDefs(DEFAULT_POLICY).map((t) => t.id).filter((id) => gateIds.has(id));
    expect(paired).toEqual(['p95:checkout', 'p95:search', 'errors:5xx', 'errors:js', 'payments:e2e', 'infra:cache', 'infra:db', 'econ:cost-per-user', 'econ:markup']);
    expect(gateDef('p95:checkout').kpi).toBe('latency_p95');
  });
});
