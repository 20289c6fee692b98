import { describe, expect, it } from 'vitest';
import type { GateResult } from '../../rules/gates.js';
import { initialWindow } from '../../rules/phases.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import type { Status } from '../../rules/types.js';
import { afterMove, boundOf, plan, type Facts, type WindowCommand, type WindowState } from '../../rules/window-machine.js';
import { MINUTE, NOW } from './helpers.js';

const P = DEFAULT_POLICY;
const gate = (status: Status): GateResult => ({ id: `g:${status}`, label: 'g', group: 'latency', status, value: null, threshold: 0, unit: 'ms', reason: `g is ${status}` });
const facts = (over: Partial<Facts> = {}): Facts => ({ now: NOW, gates: [gate('GREEN')], blind: [], openBlockers: [], ...over });
const at = (phaseIndex: number, over: Partial<WindowState> = {}): WindowState => ({
  ...initialWindow(P, NOW - 200 * MINUTE), phaseIndex, weight: P.phases[phaseIndex]!.weight, ...over,
});
const IC = 'ic';

describe('plan', () => {
  it.each<[string, WindowState, WindowCommand, Partial<Facts>, string]>([
    ['nothing moves after a confirmed rollback', at(0, { status: 'rolled-back', weight: 0 }), { type: 'advance', operator: IC, override: 'x' }, {}, 'refuse'],
    ['a promoted window is final too', at(3, { status: 'promoted' }), { type: 'rollback', operator: IC, reason: 'x' }, {}, 'refuse'],
    ['advancing with every gated KPI UNKNOWN is refused, even with an override', at(0), { type: 'advance', operator: IC, override: 'trust me' }, { blind: ['no data on any gated KPI'] }, 'refuse'],
    ['an override passes RED gates with a reason', at(0), { type: 'advance', operator: IC, override: 'known noise' }, { gates: [gate('RED')] }, 'move'],
    ['RED gates block an advance without a reason', at(0), { type: 'advance', operator: IC }, { gates: [gate('RED')] }, 'refuse'],
    ['a held window must be resumed before it advances', at(0, { status: 'held' }), { type: 'advance', operator: IC, override: 'x' }, {}, 'refuse'],
    ['an advance during a rollback is refused', at(0, { status: 'rolling-back' }), { type: 'advance', operator: IC, override: 'x' }, {}, 'refuse'],
    ['leaving 50% needs who approved', at(2), { type: 'advance', operator: IC }, {}, 'refuse'],
    ['leaving 50% with an approver moves to 100%', at(2), { type: 'advance', operator: IC, approvedBy: 'ceo' }, {}, 'move'],
    ['the last phase promotes without moving traffic', at(3), { type: 'advance', operator: IC }, {}, 'record'],
    ['open needs a ready window', at(0), { type: 'open', operator: IC, reason: 'x' }, {}, 'refuse'],
    ['open is refused while data is missing', at(0, { status: 'ready', weight: 0 }), { type: 'open', operator: IC, reason: 'x' }, { openBlockers: ['no data for cache_hit control'] }, 'refuse'],
    ['open moves to the first phase', at(0, { status: 'ready', weight: 0 }), { type: 'open', operator: IC, reason: 'x' }, {}, 'move'],
    ['a rollback may be asked again while one is in progress', at(1, { status: 'rolling-back' }), { type: 'rollback', operator: IC, reason: 'x' }, {}, 'move'],
    ['hold freezes a running window', at(1), { type: 'hold', operator: IC, reason: 'x' }, {}, 'record'],
    ['hold is refused on a held window', at(1, { status: 'held' }), { type: 'hold', operator: IC, reason: 'x' }, {}, 'refuse'],
    ['resume is refused on a running window', at(1), { type: 'resume', operator: IC, reason: 'x' }, {}, 'refuse'],
    ['no advance from a weight changed behind its back (40% in the 5% phase), not even with an override', at(0, { weight: 40 }), { type: 'advance', operator: IC, override: 'x' }, {}, 'refuse'],
    ['a window held at a changed weight may resume (the triggers keep watching)', at(0, { weight: 40, status: 'held' }), { type: 'resume', operator: IC, reason: 'x' }, {}, 'record'],
  ])('%s', (_name, state, command, over, kind) => {
    expect(plan(P, state, command, facts(over)).kind).toBe(kind);
  });

  it('a command bound to 5% is refused once the window is at 25%, and says both', () => {
    const asked = boundOf(at(0));
    const p = plan(P, at(1), { type: 'advance', operator: IC, override: 'x', bound: asked }, facts());
    expect(p).toEqual({ kind: 'refuse', why: 'the window changed since this was asked (was running phase 1 at 5%, now running phase 2 at 25%)' });
  });

  it('a rollback is committed as rolling back before the load balancer is asked', () => {
    const p = plan(P, at(1), { type: 'rollback', operator: IC, reason: 'trigger fired' }, facts());
    expect(p).toMatchObject({ kind: 'move', target: 0, during: { status: 'rolling-back', weight: 25, rollback: { since: NOW, reason: 'trigger fired' } } });
  });
});

describe('afterMove', () => {
  const rollback: WindowCommand = { type: 'rollback', operator: IC, reason: 'r' };
  it('a confirmed rollback is final at 0%', () => {
    expect(afterMove(P, at(1, { status: 'rolling-back' }), rollback, { ok: true, weight: 0, detail: 'ok' }, NOW)).toMatchObject({ status: 'rolled-back', weight: 0 });
  });
  it('an unconfirmed rollback stays rolling back with what the load balancer said', () => {
    const s = afterMove(P, at(1, { status: 'rolling-back' }), rollback, { ok: false, weight: 25, detail: 'read back 25%' }, NOW);
    expect(s).toMatchObject({ status: 'rolling-back', weight: 25, rollback: { detail: 'read back 25%' } });
  });
  it('a confirmed advance starts the next phase now', () => {
    expect(afterMove(P, at(0), { type: 'advance', operator: IC }, { ok: true, weight: 25, detail: 'ok' }, NOW)).toMatchObject({ status: 'running', phaseIndex: 1, weight: 25, phaseStartedAt: NOW });
  });
  it('a failed advance that left the load balancer elsewhere holds at the weight read back', () => {
    const s = afterMove(P, at(0), { type: 'advance', operator: IC }, { ok: false, weight: 12, detail: 'read back 12%' }, NOW);
    expect(s).toMatchObject({ status: 'held', phaseIndex: 0, weight: 12 });
    expect(s.holdReason).toContain('12%');
  });
  it('a confirmed open runs phase 1 from now', () => {
    expect(afterMove(P, at(0, { status: 'ready', weight: 0 }), { type: 'open', operator: IC, reason: 'x' }, { ok: true, weight: 5, detail: 'ok' }, NOW)).toMatchObject({ status: 'running', weight: 5, phaseStartedAt: NOW });
  });
});

describe('the gate review with a roster', () => {
  it('records whether the approver is the roster\'s CEO', async () => {
    const { plan } = await import('../../rules/window-machine.js');
    const { DEFAULT_POLICY } = await import('../../rules/policy.js');
    const s = { status: 'running' as const, phaseIndex: 2, phaseStartedAt: 0, weight: 50, triggers: {}, lastReportAt: null };
    const f = { now: 100 * 60_000, gates: [], blind: [], openBlockers: [], ceo: 'Gil Hart' };
    const reason = (approvedBy: string) => (plan(DEFAULT_POLICY, s, { type: 'advance', operator: 'ana', approvedBy }, f) as { reason: string }).reason;
    expect(reason('Gil Hart')).toBe('all gates GREEN, minimum time served; gate review approved by Gil Hart (the CEO joined)');
    expect(reason('Ana Ruiz')).toBe('all gates GREEN, minimum time served; gate review approved by Ana Ruiz; the CEO (Gil Hart) is not recorded as joining');
  });
});
