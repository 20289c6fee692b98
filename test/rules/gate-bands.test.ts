/**
 * Where YELLOW comes from. By default a gate meeting the directive's number is
 * GREEN; YELLOW only where the directive makes it (a critical journey between
 * its phase gate and the 120 ms trigger). A team's warn band is a "near limit"
 * hint unless its config says the band blocks.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGate } from '../../rules/gates.js';
import { advanceBlockers, initialWindow } from '../../rules/phases.js';
import { DEFAULT_POLICY, type Policy } from '../../rules/policy.js';
import type { KpiId } from '../../rules/types.js';
import { parseConfig } from '../../src/config/load-config.js';
import { toPolicy } from '../../src/config/to-policy.js';
import { both, canaryAt, ctx, gateDef, healthy, MINUTE, NOW, type Entry } from './helpers.js';

const judge = (id: string, entries: Entry[], phaseIndex = 0, policy: Policy = DEFAULT_POLICY) =>
  evaluateGate(gateDef(id, phaseIndex, policy), ctx([...healthy(), ...entries]));

const policyOf = (yaml: string): Policy => toPolicy(parseConfig('w.yaml', yaml));

describe('the default policy has no warning bands', () => {
  it.each<[string, KpiId, number, string]>([
    ['infra:db', 'db_pool_saturation', 0.75, 'DB pool saturation 75% ≤ limit 80%'],
    ['econ:markup', 'markup', 4.1, 'AI markup 4.1x ≥ limit 4x'],
    ['errors:5xx', 'error_5xx_rate', 0.0045, '5xx rate 0.45% ≤ limit 0.5%'],
    ['payments:e2e', 'payments_e2e_success', 0.996, 'Payments E2E 99.6% ≥ limit 99.5%'],
    ['infra:cache', 'cache_hit', 0.86, 'Cache hit 86% ≥ limit 85%'],
  ])('%s at a passing value inside the old band is GREEN with no hint', (id, kpi, value, reason) => {
    const g = judge(id, [canaryAt(kpi, value)]);
    expect(g).toMatchObject({ status: 'GREEN', reason });
    expect(g.nearLimit).toBeUndefined();
  });

  it('cost/user +4% and a funnel 4% down meet the directive: GREEN', () => {
    expect(judge('econ:cost-per-user', [canaryAt('cost_per_user', 0.0416)])).toMatchObject({ status: 'GREEN', reason: 'Cost/user vs control +4% within limit ±5%' });
    expect(judge('funnel:b2c', [canaryAt('funnel_b2c_conversion', 0.096)])).toMatchObject({ status: 'GREEN', reason: 'B2C funnel Δ -4% ≥ limit -5%' });
  });

  it('a DB pool at 75% and a markup of 4.1x no longer hold the phase once its time is served', () => {
    const gates = [judge('infra:db', [canaryAt('db_pool_saturation', 0.75)]), judge('econ:markup', [canaryAt('markup', 4.1)])];
    expect(advanceBlockers(DEFAULT_POLICY, initialWindow(DEFAULT_POLICY, NOW - 90 * MINUTE), gates, NOW)).toEqual([]);
  });
});

describe('the directive’s own YELLOW is per critical journey', () => {
  it('overall P95 at 125 ms in phase 1 is GREEN: there is no overall trigger', () => {
    expect(judge('p95:all', [canaryAt('latency_p95', 125)])).toMatchObject({ status: 'GREEN', reason: 'P95 overall 125 ms ≤ limit 130 ms' });
  });

  it('checkout at 125 ms in phase 1 is YELLOW, citing its trigger', () => {
    expect(judge('p95:checkout', [canaryAt('latency_p95', 125, NOW, 'checkout')])).toMatchObject({
      status: 'YELLOW', reason: 'P95 checkout 125 ms ≤ limit 130 ms but > 120 ms rollback trigger',
    });
  });

  it('with the trigger looser than the gate nothing is YELLOW', () => {
    const p = policyOf('triggers: { latencyP95: { thresholdMs: 140 } }');
    expect(judge('p95:checkout', [canaryAt('latency_p95', 125, NOW, 'checkout')], 0, p)).toMatchObject({ status: 'GREEN' });
  });
});

describe('a team’s warn bands, from config', () => {
  const banded = 'gates: { dbSaturationMax: { threshold: 80%, warn: 70% }, funnelDropMax: { b2c: { threshold: 5%, warn: 3% } } }';

  it('a passing value in the band is GREEN with a near-limit hint that names the band', () => {
    const g = judge('infra:db', [canaryAt('db_pool_saturation', 0.75)], 0, policyOf(banded));
    expect(g).toMatchObject({ status: 'GREEN', nearLimit: 'near limit: > 70% warning band', reason: 'DB pool saturation 75% ≤ limit 80%, near limit (> 70% warning band)' });
  });

  it('a funnel band reads in the same sign as the delta', () => {
    const g = judge('funnel:b2c', [canaryAt('funnel_b2c_conversion', 0.096)], 0, policyOf(banded));
    expect(g).toMatchObject({ status: 'GREEN', nearLimit: 'near limit: < -3% warning band' });
  });

  it('outside the band there is no hint', () => {
    expect(judge('infra:db', [canaryAt('db_pool_saturation', 0.6)], 0, policyOf(banded)).nearLimit).toBeUndefined();
  });

  it('gates.warnBandsBlock: true turns the band YELLOW, which blocks', () => {
    const p = policyOf(`${banded.replace(/ }$/, '')}, warnBandsBlock: true }`);
    expect(p.gates.warnBandsBlock).toBe(true);
    const g = judge('infra:db', [canaryAt('db_pool_saturation', 0.75)], 0, p);
    expect(g).toMatchObject({ status: 'YELLOW', reason: 'DB pool saturation 75% ≤ limit 80% but > 70% warning band' });
    expect(advanceBlockers(p, initialWindow(p, NOW - 90 * MINUTE), [g], NOW)).toEqual([`YELLOW: ${g.reason}`]);
  });

  it('warnBandsBlock defaults to false and must be a boolean', () => {
    expect(DEFAULT_POLICY.gates.warnBandsBlock).toBe(false);
    expect(() => parseConfig('w.yaml', 'gates: { warnBandsBlock: sometimes }')).toThrow(/gates\.warnBandsBlock/);
  });
});

describe('funnel gates use the one sign convention: canary minus control, relative to control', () => {
  it('a funnel 0.7% below control is -0.7% on the gate', () => {
    const g = judge('funnel:b2b', [canaryAt('funnel_b2b_conversion', 0.1986), ...both('funnel_b2b_conversion', 0.2).slice(1)]);
    expect(g).toMatchObject({ status: 'GREEN', value: -0.007, threshold: -0.05, reason: 'B2B funnel Δ -0.7% ≥ limit -5%' });
  });
});
