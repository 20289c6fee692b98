import { describe, expect, it } from 'vitest';
import type { Command } from '../../views/commands.js';
import { handleInput } from '../../views/handle-key.js';
import { INITIAL_UI, type UiState } from '../../views/ui-state.js';
import type { ViewModel } from '../../views/view-model.js';
import { keyOf } from './helpers.js';
import { sampleModel } from './sample-model.js';

/** Feeds reads one by one, as useInput would (a string of several characters is one read), collecting the commands without their binding. */
function press(model: ViewModel, keys: (string | 'ENTER' | 'ESC' | 'BS')[], ui: UiState = INITIAL_UI) {
  const all = pressBound(model, keys, ui);
  return { ui: all.ui, commands: all.commands.map((c) => { const { bound: _b, ...rest } = c as Command & { bound?: unknown }; return rest as Command; }) };
}

function pressBound(model: ViewModel, keys: (string | 'ENTER' | 'ESC' | 'BS')[], ui: UiState = INITIAL_UI) {
  const commands: Command[] = [];
  for (const k of keys) {
    const r = k === 'ENTER' ? handleInput(model, ui, '\r', keyOf({ return: true }))
      : k === 'ESC' ? handleInput(model, ui, '', keyOf({ escape: true }))
      : k === 'BS' ? handleInput(model, ui, '', keyOf({ backspace: true }))
      : handleInput(model, ui, k, keyOf());
    ui = r.ui;
    commands.push(...r.commands);
  }
  return { ui, commands };
}

const approval = (variant: 'healthy' | 'breaching') => sampleModel(variant, (m) => (m.actions.needsApproval = true));

describe('handleKey', () => {
  it.each([
    ['a on a clear window advances', sampleModel('healthy'), ['a'], [{ type: 'advance' }]],
    ['h on a running window holds', sampleModel('healthy'), ['h'], [{ type: 'hold' }]],
    ['h on a held window resumes', sampleModel('healthy', (m) => (m.actions.held = true)), ['h'], [{ type: 'resume' }]],
    ['c copies the report', sampleModel('healthy'), ['c'], [{ type: 'copy' }]],
    ['q quits', sampleModel('healthy'), ['q'], [{ type: 'quit' }]],
    ['r then y rolls back', sampleModel('healthy'), ['r', 'y'], [{ type: 'rollback', reason: 'IC rollback from the war room' }]],
    ['r then n cancels', sampleModel('healthy'), ['r', 'n'], []],
    ['r then Y (not y) cancels', sampleModel('healthy'), ['r', 'Y'], []],
    ['r then Enter cancels', sampleModel('healthy'), ['r', 'ENTER'], []],
    ['an unbound key does nothing', sampleModel('healthy'), ['x', 'z'], []],
    ['a, h, r do nothing once rolled back', sampleModel('rolled-back'), ['a', 'h', 'r', 'y'], []],
    ['a gate review records the approver', approval('healthy'), ['a', 'ceo-jane', 'ENTER'], [{ type: 'advance', approvedBy: 'ceo-jane' }]],
    ['an override records the reason', sampleModel('breaching'), ['a', 'hotfix verified', 'ENTER'], [{ type: 'advance', override: 'hotfix verified' }]],
    ['an override at a gate review asks the approver after the reason', approval('breaching'), ['a', 'known flake', 'ENTER', 'ceo-jane', 'ENTER'],
      [{ type: 'advance', override: 'known flake', approvedBy: 'ceo-jane' }]],
    ['an empty or blank reason does nothing', sampleModel('breaching'), ['a', 'ENTER', '   ', 'ENTER'], []],
    ['Esc cancels the override', sampleModel('breaching'), ['a', 'oops', 'ESC', 'ENTER'], []],
    ['backspace edits the reason', sampleModel('breaching'), ['a', 'hotfixx', 'BS', 'ENTER'], [{ type: 'advance', override: 'hotfix' }]],
    ['keys typed into a prompt are text, not commands', sampleModel('breaching'), ['a', 'q', 'r', 'ENTER'], [{ type: 'advance', override: 'qr' }]],
  ] as [string, ViewModel, string[], Command[]][])('%s', (_name, model, keys, expected) => {
    expect(press(model, keys).commands).toEqual(expected);
  });

  it('leaves a prompt open until it is answered', () => {
    const bound = { phaseIndex: 0, status: 'running', weight: 5 };
    expect(press(sampleModel('breaching'), ['a', 'ENTER']).ui.prompt).toEqual({ kind: 'override', text: '', bound, to: 25 });
    expect(press(sampleModel('healthy'), ['r']).ui.prompt).toEqual({ kind: 'confirm-rollback', bound: { ...bound, phaseIndex: 1, weight: 25 } });
    expect(press(sampleModel('healthy'), ['r', 'n']).ui.prompt).toBeNull();
  });

  it('drops a rollout prompt once the window is decided, so a late y does nothing', () => {
    const { ui } = press(sampleModel('healthy'), ['r']);
    const r = press(sampleModel('rolled-back'), ['y'], ui);
    expect(r.commands).toEqual([{ type: 'prompt-cancelled', why: 'prompt closed: the window moved from running at 25% to rolled-back at 0% while it was open; nothing was done' }]);
    expect(r.ui.prompt?.kind).toBe('closed');
    expect(press(sampleModel('rolled-back'), ['y', 'ESC'], r.ui)).toEqual({ ui: INITIAL_UI, commands: [] });
  });

  it('strips control bytes from typed text', () => {
    expect(press(sampleModel('breaching'), ['a', 'ok\u0007 now', 'ENTER']).commands).toEqual([{ type: 'advance', override: 'ok now' }]);
  });

  it('toggles help with ?, closes it with Esc, and ignores rollout keys while it is open', () => {
    const m = sampleModel('healthy');
    expect(press(m, ['?']).ui.helpOpen).toBe(true);
    expect(press(m, ['?', '?']).ui.helpOpen).toBe(false);
    expect(press(m, ['?', 'ESC']).ui.helpOpen).toBe(false);
    expect(press(m, ['?', 'a', 'r', 'y', 'c']).commands).toEqual([]);
  });

  // Issue 8, observation 7: keys that arrive in one read were lost.
  it('text and Enter in one read submit the override, and the next key is a command again', () => {
    const r = press(sampleModel('breaching'), ['a', 'reason text\r', 'c']);
    expect(r.commands).toEqual([{ type: 'advance', override: 'reason text' }, { type: 'copy' }]);
    expect(r.ui.prompt).toBeNull();
  });

  it('two Backspaces in one read delete two characters', () => {
    expect(press(sampleModel('breaching'), ['a', 'hotfixxx', '\x7f\x7f', 'ENTER']).commands).toEqual([{ type: 'advance', override: 'hotfix' }]);
  });

  it('hh in one read is two key presses', () => {
    expect(press(sampleModel('healthy'), ['hh']).commands).toEqual([{ type: 'hold' }, { type: 'hold' }]);
  });

  it('a paste never confirms a rollback: ry in one read cancels', () => {
    expect(press(sampleModel('healthy'), ['ry']).commands).toEqual([]);
    expect(press(sampleModel('healthy'), ['r', 'y']).commands).toEqual([{ type: 'rollback', reason: 'IC rollback from the war room' }]);
  });

  // Observation 4: a prompt silently changed target.
  it('every rollout command carries the window it was asked for', () => {
    const m = sampleModel('breaching');
    expect(pressBound(m, ['a', 'why', 'ENTER']).commands).toEqual([{ type: 'advance', override: 'why', bound: { phaseIndex: 0, status: 'running', weight: 5 } }]);
  });

  it('a prompt opened at 5% is dropped once the window is at 25%: Enter then does nothing', () => {
    const { ui } = press(sampleModel('breaching'), ['a', 'reason']);
    const moved = sampleModel('breaching', (m) => (m.actions.bound = { phaseIndex: 1, status: 'running', weight: 25 }));
    expect(press(moved, ['ENTER'], ui).commands.map((c) => c.type)).toEqual(['prompt-cancelled']);
  });

  it('typing that goes on after the prompt closed itself is swallowed, not taken as keys', () => {
    const { ui } = press(sampleModel('breaching'), ['a', 'because']);
    const moved = sampleModel('breaching', (m) => (m.actions.bound = { phaseIndex: 1, status: 'running', weight: 25 }));
    const r = press(moved, [' and latency ok, hold on', 'ENTER'], ui);
    expect(r.commands.map((c) => c.type)).toEqual(['prompt-cancelled']);
    expect(r.ui.prompt).toBeNull();
    expect(press(moved, ['a'], r.ui).ui.prompt).toMatchObject({ kind: 'override', to: 25 });
  });

  it('Ctrl-C leaves a text prompt without doing anything', () => {
    const { ui } = press(sampleModel('breaching'), ['a', 'half a reason']);
    expect(handleInput(sampleModel('breaching'), ui, 'c', keyOf({ ctrl: true }))).toEqual({ ui: INITIAL_UI, commands: [] });
  });

  it('o on a READY window asks, naming the weights, and y opens it', () => {
    const ready = sampleModel('healthy', (m) => {
      m.actions.ready = true;
      m.actions.nextWeight = 5;
      m.actions.bound = { phaseIndex: 0, status: 'ready', weight: 0 };
    });
    expect(press(ready, ['o']).ui.prompt).toEqual({ kind: 'confirm-open', bound: { phaseIndex: 0, status: 'ready', weight: 0 }, to: 5 });
    expect(pressBound(ready, ['o', 'y']).commands).toEqual([{ type: 'open', bound: { phaseIndex: 0, status: 'ready', weight: 0 } }]);
    expect(press(ready, ['a', 'h']).commands).toEqual([]);
  });

  // Observation 10: q in an undecided live window exited at once.
  it('q in an undecided live window asks first; only y quits', () => {
    const live = sampleModel('healthy', (m) => (m.actions.confirmQuit = true));
    expect(press(live, ['q']).ui.prompt?.kind).toBe('confirm-quit');
    expect(press(live, ['q', 'n']).commands).toEqual([]);
    expect(press(live, ['q', 'y']).commands).toEqual([{ type: 'quit' }]);
    // Ctrl-C arrives from Ink as "c" with ctrl set; it asks like q.
    expect(handleInput(live, INITIAL_UI, 'c', keyOf({ ctrl: true })).ui.prompt?.kind).toBe('confirm-quit');
  });
});
