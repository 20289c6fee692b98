import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.js';
import { initialWindow } from '../../rules/phases.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import type { Facts, WindowState } from '../../rules/window-machine.js';
import { ownCommand } from '../../src/engine/own-command.js';

const NOW = Date.parse('2026-11-20T06:00:00Z');
const P = { ...DEFAULT_POLICY, autoAdvance: true };
const facts = (over: Partial<Facts> = {}): Facts => ({ now: NOW, gates: [], blind: [], openBlockers: [], ...over });
const fired = { 'p95:checkout': { state: 'fired' as const, at: NOW, value: 140, reason: 'P95 checkout 140 ms > 120 ms for 10m' } };
const at = (over: Partial<WindowState>): WindowState => ({ ...initialWindow(P, NOW - 200 * 60_000), ...over });

/** Decisions of a check with no data at all, trigger states carried from `state`. */
const decide = (state: WindowState) => evaluate(P, { latest: new Map() }, state, NOW);

describe("the engine's own command after a check", () => {
  it.each<[string, WindowState, Partial<Facts>, string | null]>([
    ['an unconfirmed rollback is retried first, as the one who asked', at({ status: 'rolling-back', triggers: fired, rollback: { since: NOW, operator: 'alice', reason: 'IC call', detail: 'x' } }), {}, 'rollback alice'],
    ['a fired trigger rolls back an open window', at({ triggers: fired }), {}, 'rollback canary-tui (auto)'],
    ['a fired trigger leaves a READY window at 0% alone, and keeps it from opening', at({ status: 'ready', weight: 0, triggers: fired }), {}, null],
    ['but rolls back a READY window whose weight is unknown', at({ status: 'ready', weight: 0, triggers: fired }), { weightUnknown: true }, 'rollback canary-tui (auto)'],
    ['--open opens a READY window with nothing missing', at({ status: 'ready', weight: 0 }), {}, 'open ic'],
    ['--open waits while something is missing', at({ status: 'ready', weight: 0 }), { openBlockers: ['no data'] }, null],
    ['a held window is left alone', at({ status: 'held' }), {}, null],
  ])('%s', (_name, state, over, expected) => {
    const d = decide(state);
    // As the engine builds them: what opening needs comes from the check (missing data aside, which these rows leave out).
    const base = { openBlockers: d.openBlockers.filter((b) => b.startsWith('trigger')) };
    const c = ownCommand({ policy: P, state, decisions: d, facts: facts({ ...base, ...over }), openPolicy: 'when-ready', operator: 'ic', quietForMs: 0 });
    expect(c ? `${c.type} ${c.operator}` : null).toBe(expected);
  });

  it('holds a running window after too long without any sample', () => {
    const state = at({});
    const c = ownCommand({ policy: P, state, decisions: decide(state), facts: facts(), openPolicy: 'ic', operator: 'ic', quietForMs: P.noDataHoldAfterMs });
    expect(c).toMatchObject({ type: 'hold', operator: 'canary-tui (auto)', reason: 'no data for 5m: holding until the IC resumes' });
  });
});
