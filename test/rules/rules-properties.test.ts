/**
 * Properties of the rules over random inputs (fast-check): missing, stale or
 * non-finite data is never GREEN; a trigger never fires before its window and
 * its consecutive checks; lengthening a breach never delays a firing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.js';
import { evaluateGate, gatesForPhase } from '../../rules/gates.js';
import { initialWindow } from '../../rules/phases.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { ARMED, stepTrigger, triggerDefs, type TriggerDef, type TriggerState } from '../../rules/triggers.js';
import { KPI_IDS, OVERALL, seriesKey, type KpiId, type Sample, type Snapshot, type Track } from '../../rules/types.js';
import { MINUTE, NOW } from './helpers.js';

const P = DEFAULT_POLICY;
const JOURNEYS = [OVERALL, 'checkout', 'search'];
const value = fc.oneof(fc.double({ min: 0, max: 500, noNaN: true }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY));
/** A series is missing, or has a value of some age (some older than staleAfter). */
const entry = fc.option(fc.record({ value, ageMs: fc.integer({ min: 0, max: 3 * P.staleAfterMs }) }), { nil: null });

const snapshot = fc.array(entry, { minLength: KPI_IDS.length * JOURNEYS.length * 2, maxLength: KPI_IDS.length * JOURNEYS.length * 2 }).map((entries): Snapshot => {
  const latest = new Map<string, Sample>();
  let i = 0;
  for (const kpi of KPI_IDS) for (const journey of JOURNEYS) for (const track of ['canary', 'control'] as Track[]) {
    const e = entries[i++];
    if (e) latest.set(seriesKey(kpi, track, journey), { kpi: kpi as KpiId, track, journey, value: e.value, at: NOW - e.ageMs });
  }
  return { latest };
});

describe('UNKNOWN is never GREEN', () => {
  it('a gate whose reading is missing, stale or not finite is UNKNOWN; a window with no usable gate is not GREEN', () => {
    fc.assert(fc.property(snapshot, fc.integer({ min: 0, max: P.phases.length - 1 }), (snap, phaseIndex) => {
      const ctx = { snapshot: snap, now: NOW, staleAfterMs: P.staleAfterMs };
      for (const def of gatesForPhase(P, P.phases[phaseIndex]!)) {
        const reading = def.measure(ctx);
        const gate = evaluateGate(def, ctx);
        if (reading.value === null) expect(gate.status).toBe('UNKNOWN');
        if (gate.status === 'GREEN') expect(Number.isFinite(gate.value)).toBe(true);
      }
      const d = evaluate(P, snap, { ...initialWindow(P, NOW - 100 * MINUTE), phaseIndex, weight: P.phases[phaseIndex]!.weight }, NOW);
      if (d.gates.every((g) => g.status === 'UNKNOWN')) {
        expect(d.status).not.toBe('GREEN');
        expect(d.recommendation).not.toBe('GO');
      }
    }), { numRuns: 300 });
  });
});

/** One trigger's readings at check times one interval apart: a number, or null for missing data. */
const checksOf = fc.array(fc.option(fc.double({ min: 0, max: 300, noNaN: true }), { nil: null, freq: 6 }), { minLength: 1, maxLength: 40 });
const intervalMs = fc.constantFrom(15_000, 30_000, 60_000, 5 * MINUTE);
const P95 = triggerDefs(P).find((t) => t.id === 'p95:checkout')!;
const ERRORS = { ...triggerDefs(P).find((t) => t.id === 'errors:5xx')!, threshold: 100 };

/** Steps the trigger through the readings; the index of the check where it fired, or -1. */
function firesAt(def: TriggerDef, readings: (number | null)[], every: number): number {
  let state: TriggerState = ARMED;
  for (let i = 0; i < readings.length; i++) {
    const now = NOW + i * every;
    const v = readings[i] ?? null;
    const latest = new Map<string, Sample>();
    if (v !== null) latest.set(seriesKey(def.id.startsWith('p95') ? 'latency_p95' : 'error_5xx_rate', 'canary', def.id.startsWith('p95') ? 'checkout' : OVERALL), { kpi: def.id.startsWith('p95') ? 'latency_p95' : 'error_5xx_rate', track: 'canary', journey: def.id.startsWith('p95') ? 'checkout' : OVERALL, value: v, at: now });
    state = stepTrigger(def, state, { snapshot: { latest }, now, staleAfterMs: P.staleAfterMs });
    if (state.state === 'fired') return i;
  }
  return -1;
}

describe('triggers', () => {
  it.each([['P95 (10 minutes, 2 checks)', P95], ['an error rate (5 minutes, 1 check)', ERRORS]])('%s never fires before its window and its checks', (_name, def) => {
    fc.assert(fc.property(checksOf, intervalMs, (readings, every) => {
      const at = firesAt(def, readings, every);
      if (at < 0) return;
      // The breach run that fired: consecutive breaching readings (missing data neither breaks nor counts) back from `at`.
      let start = at;
      let breaches = 0;
      for (let i = at; i >= 0; i--) {
        const v = readings[i] ?? null;
        if (v === null) continue;
        if (!(v > def.threshold)) break;
        start = i;
        breaches++;
      }
      expect((at - start) * every).toBeGreaterThanOrEqual(def.forMs);
      expect(breaches).toBeGreaterThanOrEqual(def.consecutiveChecks);
    }), { numRuns: 500 });
  });

  it('lengthening a breach (a healthy reading made breaching) never delays a firing', () => {
    fc.assert(fc.property(checksOf, intervalMs, fc.nat(), (readings, every, pick) => {
      const before = firesAt(P95, readings, every);
      if (before < 0) return;
      const healthy = readings.map((v, i) => (v !== null && v <= P95.threshold && i < before ? i : -1)).filter((i) => i >= 0);
      if (!healthy.length) return;
      const longer = [...readings];
      longer[healthy[pick % healthy.length]!] = P95.threshold + 1;
      const after = firesAt(P95, longer, every);
      expect(after).toBeGreaterThanOrEqual(0);
      expect(after).toBeLessThanOrEqual(before);
    }), { numRuns: 500 });
  });
});
