/**
 * The drill score from the engine's events: time from each firing to the
 * confirmed 0% and who did it, a firing never rolled back, advances taken
 * over blockers with their reasons, reports copied within five minutes, and
 * whether the decision is the one the drill expects.
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/events.js';
import { scoreDrill, scoreText } from '../../src/engine/drill-score.js';

const T = (m: number) => new Date(Date.UTC(2026, 10, 20, 4, m)).toISOString();
const check = (m: number): EngineEvent => ({ type: 'check', at: T(m), phase: 1, phaseStartedAt: T(0), weight: 5, windowStatus: 'running', status: 'GREEN', recommendation: 'GO', because: '', gates: {} });
const fired = (m: number, id = 'errors:5xx'): EngineEvent => ({ type: 'trigger', at: T(m), id, state: 'fired', value: 0.008, reason: '' });
const action = (m: number, kind: 'rollback' | 'advance', over: Partial<Extract<EngineEvent, { type: 'action' }>> = {}): EngineEvent => ({ type: 'action', at: T(m), action: kind, fromWeight: 5, toWeight: kind === 'rollback' ? 0 : 25, reason: 'x', operator: 'ana', ok: true, detail: '', ...over });
const report = (m: number): EngineEvent => ({ type: 'report', at: T(m), text: '' });

describe('scoreDrill', () => {
  it('times the IC from the firing to the confirmed 0%, and matches the expected decision', () => {
    const s = scoreDrill([check(0), report(15), fired(25), action(27, 'rollback')], 'rolled-back', { outcome: 'rolled-back', atMinute: 27, trigger: 'errors:5xx' }, [Date.parse(T(18))]);
    expect(s.triggers).toEqual([{ trigger: 'errors:5xx', firedAt: T(25), rolledBackAt: T(27), by: 'ana', secondsToRollback: 120 }]);
    expect(s.asExpected).toBe(true);
    expect(s.reports).toEqual({ due: 1, copiedInTime: 1 });
    expect(scoreText(s).split('\n')[0]).toBe('Drill score: rolled-back (as the directive requires)');
  });

  it('a firing never rolled back is missed; an override is listed with its reason; a late copy does not count', () => {
    const override = action(10, 'advance', { reason: 'OVERRIDE: known noise (blocked by: RED: p95)' });
    const s = scoreDrill([check(0), override, report(15), fired(25)], 'ended', { outcome: 'rolled-back', atMinute: 25 }, [Date.parse(T(21))]);
    expect(s.missedRollbacks).toEqual(['errors:5xx']);
    expect(s.overrides).toEqual([{ at: T(10), fromWeight: 5, toWeight: 25, reason: 'OVERRIDE: known noise (blocked by: RED: p95)', operator: 'ana' }]);
    expect(s.reports.copiedInTime).toBe(0);
    expect(s.asExpected).toBe(false);
    expect(scoreText(s)).toContain('NO ROLLBACK');
  });

  it('a promotion is timed by the check that recorded it, not by a rollback (there is none)', () => {
    const promoted = (m: number): EngineEvent => ({ type: 'phase', at: T(m), phase: 4, weight: 100, windowStatus: 'promoted', reason: 'all gates GREEN, minimum time served' });
    expect(scoreDrill([check(0), promoted(50)], 'promoted', { outcome: 'promoted', atMinute: 50 }).asExpected).toBe(true);
    expect(scoreDrill([check(0), promoted(50)], 'promoted', { outcome: 'promoted', atMinute: 40 }).asExpected).toBe(false);
  });

  it('says nothing about expectations a drill does not record', () => {
    expect(scoreDrill([check(0)], 'ended', undefined).asExpected).toBeNull();
  });
});
